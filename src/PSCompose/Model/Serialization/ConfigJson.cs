using System;

namespace PSCompose.Model.Serialization
{
    /// <summary>`docker compose config --format json`: compose-go's Project.MarshalJSON (a map, so top-level keys sorted; no models).</summary>
    internal static class ConfigJson
    {
        public static string Write(ProjectModel project, bool escapeDollars = true)
        {
            var top = new YMap();
            YMap root = project.Root ?? new YMap();
            top["name"] = root.String("name") ?? project.Name ?? "";
            top["services"] = ConfigDocument.Services(root, GoEncoder.Json);
            foreach (string section in ConfigDocument.ResourceSections)
            {
                if (section == "models") continue;
                YMap encoded = ConfigDocument.Resources(root, section, GoEncoder.Json);
                if (encoded != null) top[section] = encoded;
            }
            foreach (var e in root)
                if (e.Key.StartsWith("x-", StringComparison.Ordinal)) top[e.Key] = GoEncoder.Json.EncodeAny(e.Value);
            string json = GoJson.Indented(top.Sorted());
            return escapeDollars ? json.Replace("$", "$$") : json;
        }
    }
}
