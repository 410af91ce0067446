using System.Linq;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go's default values on the canonical tree: build context "." (the "Dockerfile" default is the
    /// normaliser's, so `config --no-normalize` prints none), secret targets /run/secrets/&lt;source&gt;, port mode/protocol, depends_on condition/required.
    /// </summary>
    internal static class Defaults
    {
        public static YMap Apply(YMap document)
        {
            YMap services = document?.Map("services");
            if (services == null) return document;
            foreach (YMap service in services.Select(s => s.Value).OfType<YMap>())
            {
                if (service.Map("build") is YMap build)
                {
                    if (build["context"] == null) build["context"] = ".";
                }
                foreach (YMap secret in (service.List("secrets") ?? new System.Collections.Generic.List<object>()).OfType<YMap>())
                    if (secret["target"] == null) secret["target"] = "/run/secrets/" + secret.String("source");
                foreach (YMap port in (service.List("ports") ?? new System.Collections.Generic.List<object>()).OfType<YMap>())
                {
                    if (port["mode"] == null) port["mode"] = "ingress";
                    if (port["protocol"] == null) port["protocol"] = "tcp";
                }
                if (service.Map("depends_on") is YMap dependsOn)
                    foreach (YMap dependency in dependsOn.Select(d => d.Value).OfType<YMap>())
                    {
                        if (dependency["condition"] == null) dependency["condition"] = "service_started";
                        if (dependency["required"] == null) dependency["required"] = true;
                    }
            }
            return document;
        }
    }
}
