using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Typed
{
    /// <summary>
    /// Typed copies of a service with one setting changed (run's overrides, resolved service references, watch's
    /// pull policy). Each copy is decoded from an edited copy of the canonical subtree, so its config hash is the
    /// one Compose computes for the changed service; the project's tree is never written.
    /// </summary>
    internal sealed partial class ServiceConfig
    {
        /// <summary>Null removes the setting.</summary>
        public ServiceConfig WithContainerName(string name) => With("container_name", name);

        /// <summary>Null removes the setting.</summary>
        public ServiceConfig WithRestart(string restart) => With("restart", restart);

        /// <summary>A copy without deploy.restart_policy.</summary>
        public ServiceConfig WithoutDeployRestartPolicy() =>
            Deploy?.RestartPolicy == null ? this : Edit(s => s.Map("deploy")?.Remove("restart_policy"));

        /// <summary>Null removes the setting (the image's CMD applies).</summary>
        public ServiceConfig WithCommand(IEnumerable<string> command) => With("command", Strings(command));

        /// <summary>Null removes the setting (the image's ENTRYPOINT applies).</summary>
        public ServiceConfig WithEntrypoint(IEnumerable<string> entrypoint) => With("entrypoint", Strings(entrypoint));

        public ServiceConfig WithUser(string user) => With("user", user);

        public ServiceConfig WithWorkingDir(string directory) => With("working_dir", directory);

        public ServiceConfig WithPullPolicy(string policy) => With("pull_policy", policy);

        /// <summary>A copy naming another image (config --resolve-image-digests pins it to a digest).</summary>
        public ServiceConfig WithImage(string image) => With("image", image);

        public ServiceConfig WithNetworkMode(string mode) => With("network_mode", mode);

        public ServiceConfig WithIpc(string ipc) => With("ipc", ipc);

        public ServiceConfig WithPid(string pid) => With("pid", pid);

        public ServiceConfig WithScale(long? scale) => With("scale", scale);

        /// <summary>Null removes the setting.</summary>
        public ServiceConfig WithVolumesFrom(IEnumerable<string> volumesFrom) => With("volumes_from", Strings(volumesFrom));

        public ServiceConfig WithCapAdd(IEnumerable<string> capabilities) => With("cap_add", Strings(capabilities));

        public ServiceConfig WithCapDrop(IEnumerable<string> capabilities) => With("cap_drop", Strings(capabilities));

        /// <summary>Null removes the setting; a null value is a variable without a value.</summary>
        public ServiceConfig WithEnvironment(IEnumerable<KeyValuePair<string, string>> environment) => With("environment", StringMap(environment));

        public ServiceConfig WithLabels(IEnumerable<KeyValuePair<string, string>> labels) => With("labels", StringMap(labels));

        /// <summary>Null removes the setting.</summary>
        public ServiceConfig WithVolumes(IEnumerable<ServiceVolume> volumes) =>
            With("volumes", volumes?.Select(v => YMap.DeepClone(v.Canonical)).ToList());

        /// <summary>Null removes the setting.</summary>
        public ServiceConfig WithPorts(IEnumerable<ServicePort> ports) =>
            With("ports", ports?.Select(p => YMap.DeepClone(p.Canonical)).ToList());

        private ServiceConfig With(string key, object value) => Edit(s =>
        {
            if (value == null) s.Remove(key);
            else s[key] = value;
        });

        private ServiceConfig Edit(Action<YMap> change)
        {
            var copy = (YMap)YMap.DeepClone(Canonical ?? new YMap());
            change(copy);
            return ProjectDecoder.Service(Name, copy);
        }

        private static List<object> Strings(IEnumerable<string> values) => values?.Cast<object>().ToList();

        private static YMap StringMap(IEnumerable<KeyValuePair<string, string>> entries)
        {
            if (entries == null) return null;
            var map = new YMap();
            foreach (var e in entries) map[e.Key] = e.Value;
            return map;
        }
    }
}
