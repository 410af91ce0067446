using System;
using System.Collections.Generic;
using System.Linq;
using PSCompose.Model.Serialization;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go transform.Canonical plus the conversions its typed binding applies, on the generic tree: every
    /// short syntax to the long one (ports expanded, volumes parsed, depends_on/networks lists to maps, build and
    /// secret/config strings to maps, environment/labels lists to maps, extra_hosts to sorted "host=ip"), and
    /// scalars to their field's Go type (byte sizes, durations in time.Duration.String() form, numbers, booleans).
    /// Driven by the field tables of <see cref="ComposeTypes"/>; keys it does not know (x-*) are left alone.
    /// </summary>
    internal static class Canonical
    {
        public static YMap Transform(YMap document)
        {
            if (document == null) return null;
            YMap services = document.Map("services");
            if (services != null)
                foreach (string name in services.Keys.ToList())
                {
                    YMap service = services.Map(name) ?? new YMap();
                    services[name] = service;
                    Binder.BindStruct(service, ComposeTypes.Service, "services." + name);
                }
            foreach (string section in ConfigDocument.ResourceSections)
            {
                YMap resources = document.Map(section);
                if (resources == null) continue;
                foreach (string name in resources.Keys.ToList())
                {
                    YMap resource = resources.Map(name) ?? new YMap();
                    resources[name] = resource;
                    string path = section + "." + name;
                    MaybeExternal(resource, path);
                    Binder.BindStruct(resource, ConfigDocument.ShapeOf(section), path);
                }
            }
            return document;
        }

        /// <summary>The legacy `external: {name: x}` form becomes `external: true` with `name: x`.</summary>
        private static void MaybeExternal(YMap resource, string path)
        {
            if (!(Coerce.Unwrap(resource["external"]) is YMap external)) return;
            resource["external"] = true;
            string name = external.String("name");
            if (!string.IsNullOrEmpty(name))
            {
                string current = resource.String("name");
                if (!string.IsNullOrEmpty(current) && current != name)
                    throw Coerce.Invalid(path, "name and external.name conflict; only use name");
                resource["name"] = name;
            }
        }

        /// <summary>The deprecation warning compose-go prints for the legacy external form, if the document uses it.</summary>
        public static IEnumerable<string> ExternalNameWarnings(YMap document)
        {
            foreach (string section in new[] { "networks", "volumes", "secrets", "configs" })
            {
                YMap resources = document?.Map(section);
                if (resources == null) continue;
                foreach (var e in resources)
                    if ((e.Value as YMap)?["external"] is YMap ext && ext.ContainsKey("name"))
                        yield return section + "." + e.Key + ": external.name is deprecated. Please set name and external: true";
            }
        }
    }
}
