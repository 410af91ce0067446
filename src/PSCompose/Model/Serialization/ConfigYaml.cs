using System;

namespace PSCompose.Model.Serialization
{
    /// <summary>`docker compose config` (YAML): compose-go's Project through go-yaml v3, `$` re-escaped as `$$`.</summary>
    internal static class ConfigYaml
    {
        public static string Write(ProjectModel project, bool escapeDollars = true)
        {
            var top = new YMap();
            YMap root = project.Root ?? new YMap();
            string name = root.String("name") ?? project.Name;
            if (!string.IsNullOrEmpty(name)) top["name"] = name;
            top["services"] = ConfigDocument.Services(root, GoEncoder.Yaml);
            foreach (string section in ConfigDocument.ResourceSections)
            {
                YMap encoded = ConfigDocument.Resources(root, section, GoEncoder.Yaml);
                if (encoded != null) top[section] = encoded;
            }
            foreach (string key in GoValues.SortedKeys(root))
                if (key.StartsWith("x-", StringComparison.Ordinal)) top[key] = GoEncoder.Yaml.EncodeAny(root[key]);
            string yaml = GoYaml.Write(top);
            return escapeDollars ? yaml.Replace("$", "$$") : yaml;
        }
    }
}
