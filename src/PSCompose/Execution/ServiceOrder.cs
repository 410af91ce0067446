using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>What happened to one service: the error it failed with, or that it was skipped.</summary>
    internal sealed class ServiceFailure
    {
        public ServiceFailure(string service, Exception error)
        {
            Service = service;
            Error = error;
        }

        public string Service { get; }

        public Exception Error { get; }
    }

    /// <summary>
    /// Compose's InDependencyOrder / InReverseDependencyOrder: each service as soon as the services it waits for
    /// are done, independent ones in parallel. Services outside the selection still pass ordering through, so
    /// web → cache → db orders web after db even when only web and db are selected. A failure skips what waits
    /// for it; the rest goes on.
    /// </summary>
    internal static class ServiceOrder
    {
        public static async Task<IReadOnlyList<ServiceFailure>> RunAsync(IEnumerable<DesiredService> services, ICollection<string> selected,
            bool reverse, Func<string, CancellationToken, Task> action, Action<string> skipped, CancellationToken ct)
        {
            var graph = new DependencyGraph(services);
            var failures = new ConcurrentBag<ServiceFailure>();
            var tasks = new Dictionary<string, Task<bool>>();
            foreach (DesiredService service in reverse ? graph.DownOrder() : graph.UpOrder())
            {
                Task<bool>[] before = (reverse ? graph.Dependents(service.Name) : graph.Dependencies(service.Name))
                    .Select(name => tasks[name]).ToArray();
                string name = service.Name;
                tasks[name] = RunOne(name, selected.Contains(name), before, action, skipped, failures, ct);
            }
            await Task.WhenAll(tasks.Values).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return failures.ToList();
        }

        private static async Task<bool> RunOne(string name, bool isSelected, Task<bool>[] before, Func<string, CancellationToken, Task> action,
            Action<string> skipped, ConcurrentBag<ServiceFailure> failures, CancellationToken ct)
        {
            bool[] ready = await Task.WhenAll(before).ConfigureAwait(false);
            if (ready.Any(ok => !ok))
            {
                if (isSelected) skipped(name);
                return false;
            }
            if (!isSelected || ct.IsCancellationRequested) return !ct.IsCancellationRequested;
            try
            {
                await action(name, ct).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                failures.Add(new ServiceFailure(name, e));
                return false;
            }
        }
    }
}
