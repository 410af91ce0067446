using System;
using System.Linq;
using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>
    /// Compose resolves references to other services before it hashes and creates a container
    /// (convergence.go resolveServiceReferences): network_mode/ipc/pid "service:x" become "container:&lt;id&gt;"
    /// and volumes_from "x[:mode]" becomes the bare id. A replaced dependency therefore changes the hash.
    /// </summary>
    internal static class ServiceReferences
    {
        /// <summary>The service with its references resolved: a typed copy, or the service itself when it has none.</summary>
        public static ServiceConfig Resolve(ServiceConfig service, Func<string, string> containerIdOf)
        {
            string Mode(string mode) =>
                mode != null && mode.StartsWith("service:", StringComparison.Ordinal) && containerIdOf(mode.Substring(8)) is string id
                    ? "container:" + id : mode;

            ServiceConfig resolved = service;
            string networkMode = Mode(service.NetworkMode), ipc = Mode(service.Ipc), pid = Mode(service.Pid);
            if (networkMode != service.NetworkMode) resolved = resolved.WithNetworkMode(networkMode);
            if (ipc != service.Ipc) resolved = resolved.WithIpc(ipc);
            if (pid != service.Pid) resolved = resolved.WithPid(pid);
            if (service.VolumesFrom.Count > 0)
            {
                resolved = resolved.WithVolumesFrom(service.VolumesFrom.Select(v =>
                {
                    string[] spec = v.Split(':');
                    if (spec[0] == "container") return spec.Length > 1 ? spec[1] : v;
                    return containerIdOf(spec[0]) ?? v;
                }));
            }
            return resolved;
        }
    }
}
