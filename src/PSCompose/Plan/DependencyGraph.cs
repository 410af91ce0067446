using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Plan
{
    /// <summary>The depends_on graph of a set of services (edges to services outside the set are ignored).</summary>
    internal sealed class DependencyGraph
    {
        private readonly SortedDictionary<string, DesiredService> services = new SortedDictionary<string, DesiredService>(StringComparer.Ordinal);

        public DependencyGraph(IEnumerable<DesiredService> services)
        {
            foreach (DesiredService service in services)
            {
                this.services[service.Name] = service;
            }
            ThrowOnCycle();
        }

        public IEnumerable<string> Dependencies(string service) =>
            services[service].DependsOn.Select(d => d.Service).Where(services.ContainsKey).Distinct();

        public IEnumerable<string> Dependents(string service) =>
            services.Values.Where(s => s.DependsOn.Any(d => d.Service == service)).Select(s => s.Name);

        /// <summary>
        /// Dependencies first: repeatedly the first service (by name) whose dependencies are all visited. The
        /// order is deterministic, so plan numbering is too.
        /// </summary>
        public List<DesiredService> UpOrder() => Order(Dependencies);

        /// <summary>Dependents first (stop, down).</summary>
        public List<DesiredService> DownOrder() => Order(Dependents);

        private List<DesiredService> Order(Func<string, IEnumerable<string>> prerequisites)
        {
            var visited = new HashSet<string>();
            var order = new List<DesiredService>();
            while (order.Count < services.Count)
            {
                string next = services.Keys.First(k => !visited.Contains(k) && prerequisites(k).All(visited.Contains));
                visited.Add(next);
                order.Add(services[next]);
            }
            return order;
        }

        private void ThrowOnCycle()
        {
            var state = new Dictionary<string, int>();
            var path = new List<string>();
            foreach (string name in services.Keys)
            {
                Visit(name, state, path);
            }
        }

        private void Visit(string name, Dictionary<string, int> state, List<string> path)
        {
            state.TryGetValue(name, out int current);
            if (current == 2)
            {
                return;
            }
            path.Add(name);
            if (current == 1)
            {
                int start = path.IndexOf(name);
                throw new ComposeException(ErrorIds.DependencyCycle,
                    "dependency cycle detected: " + string.Join(" -> ", path.Skip(start)), name);
            }
            state[name] = 1;
            foreach (string dependency in Dependencies(name))
            {
                Visit(dependency, state, path);
            }
            state[name] = 2;
            path.RemoveAt(path.Count - 1);
        }

        /// <summary>The given services plus everything they depend on, transitively.</summary>
        public static HashSet<string> WithDependencies(DesiredProject project, IEnumerable<string> selected)
        {
            var result = new HashSet<string>();
            var pending = new Stack<string>(selected);
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                DesiredService service = project.Service(name);
                if (service == null || !result.Add(name))
                {
                    continue;
                }
                foreach (ServiceDependency dependency in service.DependsOn)
                {
                    pending.Push(dependency.Service);
                }
            }
            return result;
        }

        /// <summary>The given services plus every service that depends on them, transitively (down SVC).</summary>
        public static HashSet<string> WithDependents(IEnumerable<DesiredService> all, IEnumerable<string> selected)
        {
            List<DesiredService> list = all.ToList();
            var result = new HashSet<string>();
            var pending = new Stack<string>(selected);
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                if (!result.Add(name))
                {
                    continue;
                }
                foreach (DesiredService dependent in list.Where(s => s.DependsOn.Any(d => d.Service == name)))
                {
                    pending.Push(dependent.Name);
                }
            }
            return result;
        }
    }
}
