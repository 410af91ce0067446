using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Plan;

namespace PSCompose.Execution.Attach
{
    /// <summary>
    /// What an attached up stops on Ctrl+C or an abort: the services named on the command line (all when none), through
    /// the lifecycle stop plan (dependents first), never their dependencies (Compose's TestUpDependenciesNotStopped).
    /// </summary>
    internal static class SelectedServicesStop
    {
        public static async Task<IReadOnlyList<OperationFailure>> RunAsync(IEngineClient engine, ProjectModel model, IReadOnlyCollection<string> services,
            TimeSpan? timeout, bool compatibility, Action<ExecutionEvent> report, Action<string> warn, CancellationToken ct)
        {
            LifecycleProject project = await LifecycleProject.ReadAsync(engine, model.Name, model, compatibility, ct).ConfigureAwait(false);
            var options = new LifecycleOptions { Verb = LifecycleVerb.Stop, Services = services.ToList(), Timeout = timeout };
            return await project.RunAsync(engine, options, new ExecutionContext { Project = model, Warn = warn }, report, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// How long the stop may take: the stop timeout (-Timeout, else the longest stop_grace_period of the services,
        /// else the engine's 10 s), plus time for the engine calls around it.
        /// </summary>
        public static TimeSpan Bound(ProjectModel model, IReadOnlyCollection<string> services, TimeSpan? timeout)
        {
            TimeSpan longest = timeout ?? (services.Count > 0 ? services : model.Typed.ServiceNames)
                .Select(s => model.Typed.Service(s)?.StopGracePeriod ?? DefaultGrace)
                .DefaultIfEmpty(DefaultGrace).Max();
            return longest + EngineCallsAllowance;
        }

        private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(10);

        private static readonly TimeSpan EngineCallsAllowance = TimeSpan.FromSeconds(15);
    }
}
