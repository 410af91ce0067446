using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Stack
{
    /// <summary>
    /// docker stack rm: the services, then the networks, secrets and configs carrying the stack's namespace label —
    /// never anything without it. Returns false when nothing was found ("Nothing found in stack: x").
    /// </summary>
    internal static class StackRemover
    {
        public static async Task<bool> RemoveAsync(IEngineClient engine, string stack, bool wait, StackReport report, CancellationToken ct)
        {
            await StackDeployer.RequireManagerAsync(engine, ct).ConfigureAwait(false);
            string[] filter = { StackLabels.NamespaceFilter(stack) };
            IReadOnlyList<EngineSwarmService> services = await engine.ListServicesAsync(filter, ct).ConfigureAwait(false);
            IReadOnlyList<EngineNetwork> networks = await engine.ListNetworksAsync(filter, null, ct).ConfigureAwait(false);
            List<EngineSwarmObject> secrets = (await engine.ListSwarmObjectsAsync(SwarmObjectKind.Secret, ct).ConfigureAwait(false)).Where(o => StackDeployer.InStack(o.Labels, stack)).ToList();
            List<EngineSwarmObject> configs = (await engine.ListSwarmObjectsAsync(SwarmObjectKind.Config, ct).ConfigureAwait(false)).Where(o => StackDeployer.InStack(o.Labels, stack)).ToList();
            if (services.Count + networks.Count + secrets.Count + configs.Count == 0) return false;

            foreach (EngineSwarmService service in services.OrderBy(s => s.Name, System.StringComparer.Ordinal))
            {
                report.Verbose($"Removing service {service.Name}");
                await engine.RemoveServiceAsync(service.Id, ct).ConfigureAwait(false);
            }
            foreach (EngineSwarmObject secret in secrets)
            {
                report.Verbose($"Removing secret {secret.Name}");
                await engine.RemoveSwarmObjectAsync(SwarmObjectKind.Secret, secret.Id, ct).ConfigureAwait(false);
            }
            foreach (EngineSwarmObject config in configs)
            {
                report.Verbose($"Removing config {config.Name}");
                await engine.RemoveSwarmObjectAsync(SwarmObjectKind.Config, config.Id, ct).ConfigureAwait(false);
            }
            foreach (EngineNetwork network in networks)
            {
                report.Verbose($"Removing network {network.Name}");
                await engine.RemoveNetworkAsync(network.Id, ct).ConfigureAwait(false);
            }
            if (wait) await WaitForTasksGoneAsync(engine, filter, report, ct).ConfigureAwait(false);
            return true;
        }

        /// <summary>docker stack rm --detach=false: until no task of the stack is left.</summary>
        private static async Task WaitForTasksGoneAsync(IEngineClient engine, string[] filter, StackReport report, CancellationToken ct)
        {
            try
            {
                while (true)
                {
                    int left = (await engine.ListTasksAsync(filter, null, ct).ConfigureAwait(false)).Count;
                    if (left == 0) return;
                    report.Progress($"Waiting for {left} task(s) to be removed", -1);
                    await Task.Delay(StackWaiter.PollInterval, ct).ConfigureAwait(false);
                }
            }
            finally { report.Progress(null, 100); }
        }
    }
}
