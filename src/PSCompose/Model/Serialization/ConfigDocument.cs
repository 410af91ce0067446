namespace PSCompose.Model.Serialization
{
    /// <summary>The parts of a project document both writers encode the same way.</summary>
    internal static class ConfigDocument
    {
        public static readonly string[] ResourceSections = { "networks", "volumes", "secrets", "configs", "models" };

        public static YMap Services(YMap root, GoEncoder encoder)
        {
            var output = new YMap();
            YMap services = root.Map("services") ?? new YMap();
            foreach (string name in GoValues.SortedKeys(services))
                output[name] = encoder.EncodeStruct(services.Map(name) ?? new YMap(), ComposeTypes.Service);
            return output;
        }

        /// <summary>A top-level resource section, or null when it is empty (omitempty).</summary>
        public static YMap Resources(YMap root, string section, GoEncoder encoder)
        {
            YMap resources = root.Map(section);
            if (resources == null || resources.Count == 0) return null;
            GoShape shape = ShapeOf(section);
            var output = new YMap();
            foreach (string name in GoValues.SortedKeys(resources))
            {
                YMap resource = resources.Map(name) ?? new YMap();
                if (section == "secrets" && resource.ContainsKey("content"))
                {
                    // SecretConfig never marshals its content.
                    resource = (YMap)YMap.DeepClone(resource);
                    resource.Remove("content");
                }
                else if (section == "configs" && resource.ContainsKey("content") && !string.IsNullOrEmpty(resource.String("environment")))
                {
                    resource = (YMap)YMap.DeepClone(resource);
                    resource.Remove("content");
                }
                output[name] = encoder.EncodeStruct(resource, shape);
            }
            return output;
        }

        public static GoShape ShapeOf(string section)
        {
            switch (section)
            {
                case "networks": return ComposeTypes.Network;
                case "volumes": return ComposeTypes.Volume;
                case "models": return ComposeTypes.Model;
                default: return ComposeTypes.FileObject;
            }
        }
    }
}
