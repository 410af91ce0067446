using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;

namespace PSCompose.Execution.Attach
{
    /// <summary>
    /// Which services an attached up shows (attached) and which decide when it ends and what triggers the cascade
    /// (watched), as Compose's runUp decides them (cmd/compose/up.go).
    /// </summary>
    internal sealed class AttachSelection
    {
        private AttachSelection(HashSet<string> attached, HashSet<string> watched)
        {
            Attached = attached;
            Watched = watched;
        }

        /// <summary>Services whose output is streamed.</summary>
        public HashSet<string> Attached { get; }

        /// <summary>Services whose containers' exits end the up (all of them) or trigger the cascade (the first).</summary>
        public HashSet<string> Watched { get; }

        /// <summary>
        /// named: the services on the command line (empty for all); upSelection: what up creates and starts (the named
        /// ones with their dependencies unless -NoDeps); withDependencies: services plus everything they depend on.
        /// </summary>
        public static AttachSelection Compute(ProjectModel model, IReadOnlyCollection<string> named, ICollection<string> upSelection,
            Func<IEnumerable<string>, IEnumerable<string>> withDependencies, AttachRequest request)
        {
            foreach (string service in request.AttachServices ?? new string[0])
                if (!upSelection.Contains(service))
                    throw new ComposeException(ErrorIds.AttachServiceNotSelected, $"cannot attach to services not included in up: {service}", service);

            IEnumerable<string> all = named.Count > 0 ? named : model.Typed.ServiceNames;
            var attached = new HashSet<string>(StringComparer.Ordinal);
            if (request.AttachServices != null) attached.UnionWith(request.AttachServices);
            if (request.AttachDependencies) attached.UnionWith(withDependencies(all).Where(s => Attachable(model, s)));
            if (attached.Count == 0) attached.UnionWith(all.Where(s => Attachable(model, s)));
            attached.ExceptWith(request.NoAttach);

            var watched = new HashSet<string>(named.Count > 0 ? named : attached, StringComparer.Ordinal);
            return new AttachSelection(attached, watched);
        }

        /// <summary>attach: false keeps a service out of the default attach set (--attach can still name it).</summary>
        private static bool Attachable(ProjectModel model, string service) => model.Typed.Service(service)?.Attach != false;
    }
}
