using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Canonical;
using PSCompose.Model.Serialization;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// The container docker compose run creates (run.go prepareRun): the service with run's overrides, scale 1 and no
    /// restart policy, named &lt;project&gt;-&lt;service&gt;-run-&lt;slug[:12]&gt; whatever container_name says, labelled
    /// oneoff=True with the 64-hex slug and no container-number, publishing ports only with -ServicePorts/-Publish.
    /// </summary>
    internal static class OneOffContainer
    {
        public static ContainerSpec Build(ProjectModel model, OneOffRequest request, ObservedState observed, string imageId)
        {
            string slug = NewSlug();
            YMap service = Override(model, request);
            YMap resolved = ServiceReferences.Resolve(service, observed.ReferenceContainerId);
            var referenced = new Dictionary<string, string>();
            foreach (string name in model.ServiceNames)
                if (observed.ReferenceContainerId(name) is string id) referenced[name] = id;
            string separator = model.Compatibility ? "_" : "-";
            ContainerSpec spec = ServiceSpecBuilder.Build(new ServiceContainer
            {
                Project = model,
                ServiceName = request.Service,
                Service = resolved,
                Number = 0,
                ContainerName = request.ContainerName ?? model.Name + separator + request.Service + separator + "run" + separator + slug.Substring(0, 12),
                ConfigHash = ConfigHash.Service(resolved),
                ImageId = imageId,
                ServiceContainerIds = referenced,
                OneOff = true,
                UseAliases = request.UseAliases,
            });
            spec.Labels[ComposeLabels.Slug] = slug;
            spec.Tty = request.Tty;
            spec.OpenStdin = spec.AttachStdin = spec.StdinOnce = request.Stdin || request.Tty;
            // Attached, PSCompose removes the one-off itself (also after Ctrl+C); detached, the engine must.
            spec.AutoRemove = request.Remove && request.Detach;
            return spec;
        }

        /// <summary>Compose's stringid.GenerateRandomID: 64 hex characters.</summary>
        private static string NewSlug()
        {
            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return string.Concat(bytes.Select(b => b.ToString("x2")));
        }

        private static YMap Override(ProjectModel model, OneOffRequest request)
        {
            var s = (YMap)YMap.DeepClone(model.Service(request.Service));
            s.Remove("container_name");
            s.Remove("restart");
            s.Map("deploy")?.Remove("restart_policy");
            if (request.Command.Count > 0) s["command"] = request.Command.Cast<object>().ToList();
            if (request.Entrypoint != null)
            {
                s["entrypoint"] = request.Entrypoint.Cast<object>().ToList();
                if (request.Command.Count == 0) s.Remove("command");
            }
            if (!string.IsNullOrEmpty(request.User)) s["user"] = request.User;
            if (!string.IsNullOrEmpty(request.WorkingDirectory)) s["working_dir"] = request.WorkingDirectory;
            Merge(s, "environment", request.Environment.Select(e => Resolve(model, e)).Where(e => e.Value != null));
            Merge(s, "labels", request.Labels);
            if (request.Volumes.Count > 0)
                s["volumes"] = (s.List("volumes") ?? new List<object>()).Concat(request.Volumes.Select(v => (object)Volume(model, v))).ToList();
            if (request.Publish.Count > 0) s["ports"] = request.Publish.SelectMany(Ports).Cast<object>().ToList();
            else if (!request.ServicePorts) s.Remove("ports");
            Capabilities(s, "cap_add", "cap_drop", request.CapAdd);
            Capabilities(s, "cap_drop", "cap_add", request.CapDrop);
            return s;
        }

        /// <summary>Compose's run: the given capabilities are appended to <paramref name="key"/> and removed from <paramref name="opposite"/>.</summary>
        private static void Capabilities(YMap service, string key, string opposite, IList<string> given)
        {
            if (given.Count == 0) return;
            service[key] = (service.List(key) ?? new List<object>()).Concat(given).ToList();
            if (service.List(opposite) is List<object> other) service[opposite] = other.Where(c => !given.Contains(c as string)).ToList();
        }

        /// <summary>-e K without a value: from the project environment (OS and .env); left out when unset there.</summary>
        private static KeyValuePair<string, string> Resolve(ProjectModel model, KeyValuePair<string, string> e) =>
            e.Value != null ? e : new KeyValuePair<string, string>(e.Key, model.Environment.TryGetValue(e.Key, out string v) ? v : null);

        private static void Merge(YMap service, string key, IEnumerable<KeyValuePair<string, string>> entries)
        {
            YMap map = service.Map(key) ?? new YMap();
            foreach (var e in entries) map[e.Key] = e.Value;
            if (map.Count > 0) service[key] = map;
        }

        private static YMap Volume(ProjectModel model, string spec)
        {
            YMap volume;
            try { volume = VolumeShortSyntax.Parse(spec); }
            catch (FormatException e) { throw Invalid("-Volume", spec, e); }
            if (volume.String("type") == "bind" && volume["source"] is string source && !System.IO.Path.IsPathRooted(source) && !source.StartsWith("~", StringComparison.Ordinal))
                volume["source"] = System.IO.Path.GetFullPath(System.IO.Path.Combine(model.WorkingDirectory, source));
            return volume;
        }

        private static IEnumerable<YMap> Ports(string spec)
        {
            try { return PortShortSyntax.Parse(spec); }
            catch (FormatException e) { throw Invalid("-Publish", spec, e); }
        }

        private static ComposeException Invalid(string parameter, string value, Exception e) =>
            new ComposeException(ErrorIds.RunParameterInvalid, $"{parameter} '{value}': {e.Message}", value, e);
    }
}
