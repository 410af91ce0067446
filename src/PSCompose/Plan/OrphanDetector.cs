using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    internal static class OrphanDetector
    {
        /// <summary>
        /// Containers whose service label is in neither the enabled nor the disabled services; one-off containers
        /// when exited or dead.
        /// </summary>
        public static IEnumerable<ObservedContainer> Orphans(IEnumerable<ObservedContainer> containers, ICollection<string> knownServices) =>
            containers.Where(c => IsOrphan(c, knownServices));

        public static bool IsOrphan(ObservedContainer container, ICollection<string> knownServices)
        {
            if (container.OneOff)
            {
                return container.State == ContainerStates.Exited || container.State == ContainerStates.Dead;
            }
            return !knownServices.Contains(container.Service);
        }

        /// <summary>The warning up/create/run print when orphans are left in place (Go prints the name list as [a b]).</summary>
        public static string Warning(IEnumerable<ObservedContainer> orphans) =>
            "Found orphan containers ([" + string.Join(" ", orphans.Select(o => o.Name)) + "]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.";
    }
}
