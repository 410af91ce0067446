using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Execution.Stack
{
    internal sealed class StackDeployOptions
    {
        public bool Prune { get; set; }
        public StackImageResolution ResolveImage { get; set; } = StackImageResolution.Always;
        public bool Wait { get; set; }
        public TimeSpan? Timeout { get; set; }
    }

    /// <summary>What a stack command says while it works; each callback is posted to the pipeline thread.</summary>
    internal sealed class StackReport
    {
        public Action<string> Verbose { get; set; } = _ => { };
        public Action<string> Warning { get; set; } = _ => { };

        /// <summary>Activity text and percent (-1 unknown); null text ends the progress.</summary>
        public Action<string, int> Progress { get; set; } = (_, __) => { };
    }

    /// <summary>
    /// docker stack deploy over the plan: networks, then secrets and configs, then services (created, or updated with the
    /// version index when their spec changed; an unchanged service is not touched), optional prune, optional wait,
    /// and finally the secret/config versions no service refers to any more are removed.
    /// </summary>
    internal static class StackDeployer
    {
        public static async Task DeployAsync(IEngineClient engine, StackPlan plan, StackDeployOptions options, StackReport report, CancellationToken ct)
        {
            await RequireManagerAsync(engine, ct).ConfigureAwait(false);
            string[] filter = { StackLabels.NamespaceFilter(plan.Name) };
            await EnsureNetworksAsync(engine, plan, filter, report, ct).ConfigureAwait(false);
            await EnsureObjectsAsync(engine, SwarmObjectKind.Secret, plan.Secrets, report, ct).ConfigureAwait(false);
            await EnsureObjectsAsync(engine, SwarmObjectKind.Config, plan.Configs, report, ct).ConfigureAwait(false);

            IReadOnlyList<EngineSwarmService> existing = await engine.ListServicesAsync(filter, ct).ConfigureAwait(false);
            var changed = new List<string>();
            foreach (SwarmServiceSpec spec in plan.Services)
            {
                EngineSwarmService current = existing.FirstOrDefault(s => s.Name == spec.Name);
                await ResolveImageAsync(engine, spec, current, options.ResolveImage, report, ct).ConfigureAwait(false);
                if (current == null)
                {
                    report.Verbose($"Creating service {spec.Name}");
                    await engine.CreateServiceAsync(spec, ct).ConfigureAwait(false);
                    changed.Add(spec.Name);
                }
                else if (!current.Labels.TryGetValue(StackLabels.SpecHash, out string hash) || hash != spec.Labels[StackLabels.SpecHash])
                {
                    report.Verbose($"Updating service {spec.Name} (id: {current.Id})");
                    await engine.UpdateServiceAsync(current.Id, current.Version, spec, ct).ConfigureAwait(false);
                    changed.Add(spec.Name);
                }
                else report.Verbose($"Service {spec.Name} is unchanged");
            }
            if (options.Prune)
                foreach (EngineSwarmService stale in existing.Where(s => plan.Services.All(d => d.Name != s.Name)))
                {
                    report.Verbose($"Removing service {stale.Name}");
                    await engine.RemoveServiceAsync(stale.Id, ct).ConfigureAwait(false);
                }
            if (options.Wait)
                await StackWaiter.WaitAsync(engine, plan.Name, plan.Services.Select(s => s.Name).ToList(), options.Timeout, report, ct).ConfigureAwait(false);
            await RemoveUnusedObjectsAsync(engine, SwarmObjectKind.Secret, plan.Name, plan.Secrets, report, ct).ConfigureAwait(false);
            await RemoveUnusedObjectsAsync(engine, SwarmObjectKind.Config, plan.Name, plan.Configs, report, ct).ConfigureAwait(false);
        }

        /// <summary>docker/cli's checkDaemonIsSwarmManager, before anything is changed.</summary>
        public static async Task RequireManagerAsync(IEngineClient engine, CancellationToken ct)
        {
            EngineSwarmState state = await engine.GetSwarmStateAsync(ct).ConfigureAwait(false);
            if (!state.IsManager)
                throw new ComposeException(ErrorIds.SwarmNotActive,
                    "this node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again",
                    state.LocalNodeState);
        }

        private static async Task EnsureNetworksAsync(IEngineClient engine, StackPlan plan, string[] filter, StackReport report, CancellationToken ct)
        {
            foreach (string external in plan.ExternalNetworks)
            {
                IReadOnlyList<EngineNetwork> found = await engine.ListNetworksAsync(null, external, ct).ConfigureAwait(false);
                if (!found.Any(n => n.Name == external && n.Scope == "swarm"))
                    throw new ComposeException(ErrorIds.StackNetworkNotFound,
                        $"network \"{external}\" is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed",
                        external);
            }
            IReadOnlyList<EngineNetwork> existing = await engine.ListNetworksAsync(filter, null, ct).ConfigureAwait(false);
            foreach (NetworkSpec network in plan.Networks.Where(n => existing.All(e => e.Name != n.Name)))
            {
                report.Verbose($"Creating network {network.Name}");
                await engine.CreateNetworkAsync(network, ct).ConfigureAwait(false);
            }
        }

        private static async Task EnsureObjectsAsync(IEngineClient engine, SwarmObjectKind kind, List<SwarmObjectSpec> wanted, StackReport report, CancellationToken ct)
        {
            if (wanted.Count == 0) return;
            IReadOnlyList<EngineSwarmObject> existing = await engine.ListSwarmObjectsAsync(kind, ct).ConfigureAwait(false);
            foreach (SwarmObjectSpec spec in wanted)
            {
                bool exists = existing.Any(o => o.Name == spec.Name);
                if (spec.Data == null)
                {
                    if (!exists) throw new ComposeException(ErrorIds.EngineObjectNotFound, $"{Kind(kind)} not found: {spec.Name}", spec.Name);
                    continue;
                }
                if (exists) continue;
                report.Verbose($"Creating {Kind(kind)} {spec.Name}");
                await engine.CreateSwarmObjectAsync(kind, spec, ct).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The stack's secrets/configs that this deploy no longer names (earlier content versions, or ones docker stack
        /// deploy made). One still in use (a service outside this stack, or a task not yet replaced) stays.
        /// </summary>
        private static async Task RemoveUnusedObjectsAsync(IEngineClient engine, SwarmObjectKind kind, string stack, List<SwarmObjectSpec> wanted, StackReport report, CancellationToken ct)
        {
            IReadOnlyList<EngineSwarmObject> existing = await engine.ListSwarmObjectsAsync(kind, ct).ConfigureAwait(false);
            foreach (EngineSwarmObject old in existing.Where(o => InStack(o.Labels, stack) && wanted.All(w => w.Name != o.Name)))
            {
                try
                {
                    await engine.RemoveSwarmObjectAsync(kind, old.Id, ct).ConfigureAwait(false);
                    report.Verbose($"Removed {Kind(kind)} {old.Name}, which the stack no longer uses");
                }
                catch (EngineException e) when (e.StatusCode == 400 || e.StatusCode == 409)
                {
                    report.Verbose($"Keeping {Kind(kind)} {old.Name}: {e.Message}");
                }
            }
        }

        internal static bool InStack(IDictionary<string, string> labels, string stack) =>
            labels != null && labels.TryGetValue(StackLabels.Namespace, out string ns) && ns == stack;

        private static async Task ResolveImageAsync(IEngineClient engine, SwarmServiceSpec spec, EngineSwarmService current, StackImageResolution mode, StackReport report, CancellationToken ct)
        {
            string image = spec.Labels[StackLabels.Image];
            bool unchanged = current != null && current.Labels.TryGetValue(StackLabels.Image, out string was) && was == image;
            bool resolve = mode == StackImageResolution.Always || (mode == StackImageResolution.Changed && !unchanged);
            if (!resolve)
            {
                // docker/cli deployServices: an image the file did not change keeps the reference (and digest) the
                // service runs, so the deploy neither drops the pinned digest nor updates the service for it.
                if (unchanged && !string.IsNullOrEmpty(current.Image)) SetImage(spec, current.Image);
                return;
            }
            string digest = null;
            try { digest = await engine.ResolveImageDigestAsync(image, ct).ConfigureAwait(false); }
            catch (EngineException) { }
            if (string.IsNullOrEmpty(digest))
            {
                // docker/cli's text when the registry cannot be asked; the image is used as written.
                report.Warning($"image {image} could not be accessed on a registry to record its digest. Each node will access {image} independently, possibly leading to different nodes running different versions of the image.");
                return;
            }
            int at = image.IndexOf('@');
            SetImage(spec, (at < 0 ? image : image.Substring(0, at)) + "@" + digest);
        }

        private static void SetImage(SwarmServiceSpec spec, string image)
        {
            spec.Container.Image = image;
            spec.Labels[StackLabels.SpecHash] = StackTranslator.SpecHash(spec);
        }

        internal static string Kind(SwarmObjectKind kind) => kind == SwarmObjectKind.Secret ? "secret" : "config";
    }
}
