using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSCompose.Model.Watch
{
    /// <summary>
    /// The develop.watch rules of the selected services, validated as docker compose watch does before it starts
    /// (pkg/compose/watch.go): legacy x-develop with its deprecation warning, rebuild needs a build section,
    /// and at least one selected service must be configured.
    /// </summary>
    internal static class WatchRules
    {
        public const string XDevelopDeprecated = "x-develop is DEPRECATED, please use the official `develop` attribute";

        /// <summary>
        /// The rules of <paramref name="services"/> (empty = all); <paramref name="upWatch"/> picks up -Watch's "not
        /// configured" text, <paramref name="noBuild"/> (up -NoBuild) rejects rebuild rules as Compose does.
        /// </summary>
        public static IReadOnlyList<WatchRule> Read(ProjectModel model, IReadOnlyCollection<string> services, bool upWatch, bool noBuild, Action<string> warn)
        {
            var rules = new List<WatchRule>();
            IEnumerable<string> selected = services == null || services.Count == 0 ? model.Typed.ServiceNames : services;
            foreach (string name in selected)
            {
                YMap service = model.Root.Map("services")?.Map(name);
                if (service == null) continue;
                YMap develop = service.Map("develop");
                if (develop == null && service.Map("x-develop") is YMap legacy)
                {
                    warn?.Invoke(XDevelopDeprecated);
                    develop = legacy;
                }
                if (develop?.List("watch") is List<object> triggers)
                    foreach (YMap trigger in triggers.OfType<YMap>())
                        rules.Add(Rule(model, name, service, trigger, noBuild));
            }
            if (rules.Count == 0)
                throw new ComposeException(ErrorIds.WatchNotConfigured, upWatch
                    ? "none of the selected services is configured for watch, see https://docs.docker.com/compose/how-tos/file-watch/"
                    : "none of the selected services is configured for watch, consider setting a 'develop' section", model.Name);
            return rules;
        }

        private static WatchRule Rule(ProjectModel model, string name, YMap service, YMap trigger, bool noBuild)
        {
            WatchAction action = ParseAction(trigger.String("action"), name);
            if (action == WatchAction.Rebuild)
            {
                if (service["build"] == null)
                    throw new ComposeException(ErrorIds.WatchRebuildWithoutBuild, $"can't watch service \"{name}\" with action rebuild without a build context", name);
                if (noBuild)
                    throw new ComposeException(ErrorIds.ParameterConflict, $"--no-build is incompatible with watch action rebuild in service {name}", name);
            }
            string path = trigger.String("path") ?? "";
            if (!System.IO.Path.IsPathRooted(path)) path = System.IO.Path.GetFullPath(System.IO.Path.Combine(model.WorkingDirectory ?? "", path));
            bool initial = trigger["initial_sync"] is bool b ? b : string.Equals(trigger["initial_sync"] as string, "true", StringComparison.OrdinalIgnoreCase)
                || (trigger["x-initialSync"] is bool xb && xb);
            return new WatchRule
            {
                Service = name,
                Path = path.Length > 1 ? path.TrimEnd('/', '\\') : path,
                Action = action,
                Target = trigger.String("target"),
                Ignore = Strings(trigger["ignore"]),
                Include = Strings(trigger["include"]),
                InitialSync = initial,
                Exec = action == WatchAction.SyncExec ? Hook(trigger.Map("exec")) : null,
            };
        }

        private static WatchAction ParseAction(string action, string service)
        {
            switch (action)
            {
                case "sync": return WatchAction.Sync;
                case "rebuild": return WatchAction.Rebuild;
                case "restart": return WatchAction.Restart;
                case "sync+restart": return WatchAction.SyncRestart;
                case "sync+exec": return WatchAction.SyncExec;
                default:
                    throw new ComposeException(ErrorIds.FileInvalid,
                        $"services.{service}.develop.watch.action must be one of the following: \"rebuild\", \"sync\", \"restart\", \"sync+restart\", \"sync+exec\"", service);
            }
        }

        private static WatchHook Hook(YMap exec)
        {
            if (exec == null) return new WatchHook();
            return new WatchHook
            {
                Command = Strings(exec["command"]),
                User = exec.String("user"),
                Privileged = exec["privileged"] is bool p && p,
                WorkingDir = exec.String("working_dir"),
                Environment = exec.Map("environment") is YMap env
                    ? env.Select(kv => kv.Value == null ? kv.Key : kv.Key + "=" + Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()
                    : (IReadOnlyList<string>)Strings(exec["environment"]),
            };
        }

        private static IReadOnlyList<string> Strings(object value)
        {
            if (value is string s) return new[] { s };
            if (value is List<object> list) return list.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return new string[0];
        }
    }
}
