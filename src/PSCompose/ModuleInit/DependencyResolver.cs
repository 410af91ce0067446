using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PSCompose.ModuleInit
{
    /// <summary>
    /// Serves the third-party assemblies shipped in the module's Dependencies/ folder, so that PSCompose's
    /// YamlDotNet and Docker.DotNet never clash with versions other modules load. On .NET they go into one
    /// private AssemblyLoadContext (created by reflection: netstandard2.0 cannot name the type); on .NET
    /// Framework they are loaded with LoadFrom, matched by name whatever version was asked for.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static bool registered;
        private static string dependencyDirectory;
        private static Func<string, Assembly> loadFromPath;
        private static readonly ConcurrentDictionary<string, Assembly> Loaded =
            new ConcurrentDictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        public void OnImport()
        {
            lock (Gate)
            {
                if (registered) return;
                string moduleDirectory = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location);
                dependencyDirectory = Path.Combine(moduleDirectory, "Dependencies");
                loadFromPath = CreateLoader();
                // AssemblyResolve is process-wide and other runspaces may still use the module, so the
                // handler stays registered for the life of the process (OnRemove does not unhook it).
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                registered = true;
            }
        }

        public void OnRemove(PSModuleInfo module)
        {
        }

        internal static bool IsRegistered => registered;

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            string candidate = Path.Combine(dependencyDirectory, name.Name + ".dll");
            if (!File.Exists(candidate)) return null;
            if (!IsOurs(args.RequestingAssembly)) return null;
            return Loaded.GetOrAdd(name.Name, _ => loadFromPath(candidate));
        }

        // Only PSCompose itself and the assemblies it brought along get served; anyone else asking for a
        // YamlDotNet gets whatever the host would have given them without us.
        private static bool IsOurs(Assembly requester)
        {
            if (requester == null) return false;
            if (requester == typeof(DependencyResolver).Assembly) return true;
            string location;
            try { location = requester.Location; }
            catch (NotSupportedException) { return false; }
            return !string.IsNullOrEmpty(location) &&
                   string.Equals(Path.GetDirectoryName(location), dependencyDirectory, StringComparison.OrdinalIgnoreCase);
        }

        private static Func<string, Assembly> CreateLoader()
        {
            Type alcType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            if (alcType == null) return Assembly.LoadFrom; // .NET Framework (Windows PowerShell 5.1)

            ConstructorInfo ctor = alcType.GetConstructor(new[] { typeof(string), typeof(bool) });
            object context = ctor.Invoke(new object[] { "PSCompose.Dependencies", false });
            MethodInfo loadFromAssemblyPath = alcType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
            return path => (Assembly)loadFromAssemblyPath.Invoke(context, new object[] { path });
        }

        internal static string[] LoadedDependencyNames => Loaded.Keys.OrderBy(k => k).ToArray();
    }
}
