using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace PSCompose.Tests.Module
{
    /// <summary>Users get PSCompose's own types only: no YamlDotNet or Docker.DotNet type in any public signature.</summary>
    public class PublicSurfaceTests
    {
        [Fact]
        public void NoThirdPartyTypeAppearsInThePublicSurface()
        {
            Assembly module = typeof(ComposeException).Assembly;
            var leaks = new List<string>();
            foreach (Type type in module.GetExportedTypes())
            {
                Check(type.BaseType, type.FullName + " base", leaks);
                foreach (Type i in type.GetInterfaces()) Check(i, type.FullName + " interface", leaks);
                foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    string where = type.FullName + "." + member.Name;
                    switch (member)
                    {
                        case PropertyInfo p: Check(p.PropertyType, where, leaks); break;
                        case FieldInfo f: Check(f.FieldType, where, leaks); break;
                        case MethodBase m:
                            if (m is MethodInfo mi) Check(mi.ReturnType, where, leaks);
                            foreach (ParameterInfo parameter in m.GetParameters()) Check(parameter.ParameterType, where, leaks);
                            break;
                    }
                }
            }
            Assert.True(leaks.Count == 0, "Third-party types in public signatures:\n" + string.Join("\n", leaks));
            Assert.Contains(module.GetExportedTypes(), t => t.FullName == "PSCompose.ComposeService");
        }

        private static void Check(Type type, string where, List<string> leaks)
        {
            if (type == null) return;
            if (type.IsGenericType) foreach (Type argument in type.GetGenericArguments()) Check(argument, where, leaks);
            if (type.HasElementType) Check(type.GetElementType(), where, leaks);
            string ns = type.Namespace ?? "";
            if (ns.StartsWith("YamlDotNet", StringComparison.Ordinal) || ns.StartsWith("Docker.DotNet", StringComparison.Ordinal) ||
                ns.StartsWith("ICSharpCode", StringComparison.Ordinal) || ns.StartsWith("Org.BouncyCastle", StringComparison.Ordinal))
                leaks.Add(where + ": " + type.FullName);
        }
    }
}
