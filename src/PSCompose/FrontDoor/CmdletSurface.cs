using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PSCompose.FrontDoor
{
    /// <summary>
    /// The parameters of this module's cmdlets, read from their classes, so the front door binds a parameter only when
    /// the cmdlet it targets has it (and picks the value's shape from the parameter's type).
    /// </summary>
    internal static class CmdletSurface
    {
        private static readonly Lazy<Dictionary<string, Type>> Cmdlets = new Lazy<Dictionary<string, Type>>(() =>
            typeof(CmdletSurface).Assembly.GetTypes()
                .Select(t => new { Type = t, Attribute = t.GetCustomAttribute<CmdletAttribute>() })
                .Where(x => x.Attribute != null)
                .ToDictionary(x => x.Attribute.VerbName + "-" + x.Attribute.NounName, x => x.Type, StringComparer.OrdinalIgnoreCase));

        public static bool Exists(string cmdlet) => Cmdlets.Value.ContainsKey(cmdlet);

        /// <summary>The parameter's type, or null when the cmdlet has no such parameter.</summary>
        public static Type ParameterType(string cmdlet, string parameter)
        {
            if (!Cmdlets.Value.TryGetValue(cmdlet, out Type type)) return null;
            PropertyInfo property = type.GetProperty(parameter, BindingFlags.Public | BindingFlags.Instance);
            return property != null && property.GetCustomAttributes<ParameterAttribute>().Any() ? property.PropertyType : null;
        }

        public static bool SupportsShouldProcess(string cmdlet) =>
            Cmdlets.Value.TryGetValue(cmdlet, out Type type) && type.GetCustomAttribute<CmdletAttribute>().SupportsShouldProcess;
    }
}
