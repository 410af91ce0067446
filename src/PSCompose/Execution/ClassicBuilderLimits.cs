using PSCompose.Model.Typed;

namespace PSCompose.Execution
{
    /// <summary>
    /// Build keys only BuildKit implements. PSCompose builds with the classic builder, which Compose refuses them for
    /// (build_classic.go) rather than building something else than the file asks for.
    /// </summary>
    internal static class ClassicBuilderLimits
    {
        /// <summary>Throws a ComposeException naming the service and the first key the classic builder cannot honour.</summary>
        public static void Check(string service, BuildConfig build)
        {
            string key = Unsupported(build, out string what);
            if (key == null) return;
            throw new ComposeException(ErrorIds.BuildUnsupported,
                $"service \"{service}\": build.{key}: the classic builder doesn't support {what}; PSCompose builds with the classic builder only (no BuildKit)",
                service);
        }

        private static string Unsupported(BuildConfig b, out string what)
        {
            what = null;
            if (b == null) return null;
            if (b.Platforms.Count > 1) { what = "multi-arch build"; return "platforms"; }
            if (b.Privileged) { what = "privileged mode"; return "privileged"; }
            if (b.AdditionalContexts.Count > 0) { what = "additional contexts"; return "additional_contexts"; }
            if (b.Ssh.Count > 0) { what = "SSH keys"; return "ssh"; }
            if (b.Secrets.Count > 0) { what = "secrets"; return "secrets"; }
            return null;
        }
    }
}
