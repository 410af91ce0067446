using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Typed;
using PSCompose.Model.Watch;

namespace PSCompose.Execution.Watch
{
    /// <summary>
    /// docker compose watch after its `up` (pkg/compose/watch.go): host changes debounced into batches, each
    /// batch handled in Compose's order — rebuild, sync, restart, sync+exec hooks — with every failure reported as
    /// a warning and an event while the loop goes on. Ends only when cancelled; it never stops a container.
    /// </summary>
    internal sealed class WatchSession
    {
        private readonly IEngineClient engine;
        private readonly ProjectModel model;
        private readonly WatchReport report;
        private readonly List<WatchFilter> filters = new List<WatchFilter>();
        private readonly WatchActions actions;

        public WatchSession(IEngineClient engine, ProjectModel model, IEnumerable<WatchRule> rules, bool prune, bool quiet, WatchReport report)
        {
            this.engine = engine;
            this.model = model;
            this.report = report;
            foreach (WatchRule rule in rules)
            {
                ServiceConfig service = model.Typed.Service(rule.Service);
                if (rule.Syncs && BindMounted(rule.Path, service))
                {
                    report.Warning($"path '{rule.Path}' also declared by a bind mount volume, this path won't be monitored!");
                    continue;
                }
                filters.Add(WatchFilter.For(rule, service));
            }
            actions = new WatchActions(engine, model, prune, quiet, report);
        }

        /// <summary>The rules watched (those whose path a bind mount already shares are left out).</summary>
        public IEnumerable<WatchRule> Rules => filters.Select(f => f.Rule);

        /// <summary>Watches until <paramref name="ct"/> is cancelled (then ends with OperationCanceledException).</summary>
        public async Task RunAsync(CancellationToken ct)
        {
            using (var batcher = new ChangeBatcher(ChangeBatcher.DefaultQuiet))
            using (new HostWatchers(filters.Select(f => f.Rule.Path), batcher, report.Warning))
            {
                report.Message("Watch enabled");
                await InitialSyncAsync(ct).ConfigureAwait(false);
                while (true)
                {
                    IReadOnlyList<string> batch = await batcher.NextAsync(ct).ConfigureAwait(false);
                    await HandleAsync(batch, ct).ConfigureAwait(false);
                }
            }
        }

        /// <summary>One batch of changed host paths, in Compose's order.</summary>
        internal async Task HandleAsync(IReadOnlyList<string> paths, CancellationToken ct)
        {
            var rebuild = new List<string>();
            var sync = new Dictionary<string, List<SyncPath>>();
            var restart = new List<string>();
            var hooks = new List<WatchRule>();
            foreach (WatchFilter filter in filters)
            {
                List<string> matched = paths.Where(filter.Accepts).ToList();
                if (matched.Count == 0) continue;
                WatchRule rule = filter.Rule;
                if (rule.Action == WatchAction.Rebuild || rule.Action == WatchAction.Restart)
                {
                    AddOnce(rule.Action == WatchAction.Rebuild ? rebuild : restart, rule.Service);
                    continue;
                }
                if (!sync.TryGetValue(rule.Service, out List<SyncPath> list)) sync[rule.Service] = list = new List<SyncPath>();
                foreach (string path in matched)
                    if (!list.Any(p => p.HostPath == path)) list.Add(new SyncPath(path, filter.ContainerPath(path), filter));
                if (rule.Action == WatchAction.SyncRestart) AddOnce(restart, rule.Service);
                if (rule.Action == WatchAction.SyncExec && !hooks.Contains(rule)) hooks.Add(rule);
            }

            // A rebuilt service gets a new container from the new image; syncing or restarting the old one is moot.
            if (rebuild.Count > 0) await actions.RebuildAsync(rebuild, paths, ct).ConfigureAwait(false);
            foreach (KeyValuePair<string, List<SyncPath>> entry in sync.Where(s => !rebuild.Contains(s.Key)))
                await actions.SyncAsync(entry.Key, entry.Value, ComposeWatchAction.Sync, ct).ConfigureAwait(false);
            foreach (string service in restart.Where(s => !rebuild.Contains(s)))
                await actions.RestartAsync(service, paths, ct).ConfigureAwait(false);
            foreach (WatchRule rule in hooks.Where(h => !rebuild.Contains(h.Service)))
                await actions.ExecAsync(rule, sync[rule.Service].Select(p => p.HostPath).ToList(), ct).ConfigureAwait(false);
        }

        /// <summary>initial_sync: the files under the rule's path modified after the service's image was created.</summary>
        private async Task InitialSyncAsync(CancellationToken ct)
        {
            foreach (WatchFilter filter in filters.Where(f => f.Rule.InitialSync && f.Rule.Syncs))
            {
                string service = filter.Rule.Service;
                DateTime? created = await actions.ImageCreatedAsync(service, ct).ConfigureAwait(false);
                if (created == null)
                {
                    report.Warning("could not get created time for service's image");
                    continue;
                }
                List<SyncPath> newer = NewerFiles(filter, created.Value).ToList();
                if (newer.Count > 0) await actions.SyncAsync(service, newer, ComposeWatchAction.InitialSync, ct).ConfigureAwait(false);
            }
        }

        private static IEnumerable<SyncPath> NewerFiles(WatchFilter filter, DateTime createdUtc)
        {
            string root = filter.Rule.Path;
            if (File.Exists(root))
            {
                if (File.GetLastWriteTimeUtc(root) > createdUtc) yield return new SyncPath(root, filter.ContainerPath(root), filter);
                yield break;
            }
            if (!Directory.Exists(root)) yield break;
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var directory = new DirectoryInfo(pending.Pop());
                foreach (FileSystemInfo entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    if (!filter.Accepts(entry.FullName)) continue;
                    if (entry is DirectoryInfo) pending.Push(entry.FullName);
                    else if (entry.LastWriteTimeUtc > createdUtc) yield return new SyncPath(entry.FullName, filter.ContainerPath(entry.FullName), filter);
                }
            }
        }

        /// <summary>Compose's checkIfPathAlreadyBindMounted: the watched path starts with a bind mount's source.</summary>
        private static bool BindMounted(string path, ServiceConfig service) =>
            service != null && service.Volumes.Any(v => v.Type == "bind" && !string.IsNullOrEmpty(v.Source)
                                                         && path.StartsWith(v.Source, StringComparison.Ordinal));

        private static void AddOnce(List<string> list, string item)
        {
            if (!list.Contains(item)) list.Add(item);
        }
    }
}
