using System.Collections.Generic;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>
    /// Build keys only BuildKit implements. PSCompose builds with the classic builder, which Compose refuses them for
    /// (build_classic.go) rather than building something else than the file asks for.
    /// </summary>
    internal static class ClassicBuilderLimits
    {
        /// <summary>Throws a ComposeException naming the service and the first key the classic builder cannot honour.</summary>
        public static void Check(string service, YMap build)
        {
            string key = Unsupported(build, out string what);
            if (key == null) return;
            throw new ComposeException(ErrorIds.BuildUnsupported,
                $"service \"{service}\": build.{key}: the classic builder doesn't support {what}; PSCompose builds with the classic builder only (no BuildKit)",
                service);
        }

        private static string Unsupported(YMap b, out string what)
        {
            what = null;
            if (b == null) return null;
            if ((b["platforms"] as List<object>)?.Count > 1) { what = "multi-arch build"; return "platforms"; }
            if (Canon.Bool(b, "privileged")) { what = "privileged mode"; return "privileged"; }
            if (b.Map("additional_contexts")?.Count > 0) { what = "additional contexts"; return "additional_contexts"; }
            if (NotEmpty(b["ssh"])) { what = "SSH keys"; return "ssh"; }
            if (NotEmpty(b["secrets"])) { what = "secrets"; return "secrets"; }
            return null;
        }

        private static bool NotEmpty(object value) =>
            value is List<object> list ? list.Count > 0 : value is YMap map && map.Count > 0;
    }
}
