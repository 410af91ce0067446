using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PSCompose.Engine
{
    /// <summary>Where the engine is and how to talk to it, resolved the way the docker CLI does.</summary>
    internal sealed class EngineEndpoint
    {
        public EngineEndpoint(Uri uri, string source, string tlsCertPath, bool tlsVerify, string apiVersionOverride)
        {
            Uri = uri;
            Source = source;
            TlsCertPath = tlsCertPath;
            TlsVerify = tlsVerify;
            ApiVersionOverride = apiVersionOverride;
        }

        public Uri Uri { get; }

        /// <summary>What chose the endpoint: DOCKER_HOST, a context name, or the platform default.</summary>
        public string Source { get; }

        /// <summary>Directory with ca.pem/cert.pem/key.pem when TLS is on; null otherwise.</summary>
        public string TlsCertPath { get; }

        public bool TlsVerify { get; }

        public string ApiVersionOverride { get; }

        public bool UsesTls => TlsCertPath != null;

        public override string ToString() => Uri.OriginalString;

        /// <summary>
        /// DOCKER_HOST, then DOCKER_CONTEXT, then config.json's currentContext, then the platform default.
        /// TLS material comes from DOCKER_CERT_PATH (default ~/.docker) when DOCKER_TLS_VERIFY is set.
        /// </summary>
        public static EngineEndpoint Resolve(Func<string, string> env, bool isWindows)
        {
            string apiVersion = NonEmpty(env("DOCKER_API_VERSION"));
            bool tlsVerify = NonEmpty(env("DOCKER_TLS_VERIFY")) != null;
            string home = NonEmpty(env(isWindows ? "USERPROFILE" : "HOME")) ?? "";
            string configDir = NonEmpty(env("DOCKER_CONFIG")) ?? Path.Combine(home, ".docker");
            string certPath = tlsVerify ? (NonEmpty(env("DOCKER_CERT_PATH")) ?? configDir) : null;

            string host = NonEmpty(env("DOCKER_HOST"));
            string source = "DOCKER_HOST";
            if (host == null)
            {
                string context = NonEmpty(env("DOCKER_CONTEXT")) ?? CurrentContext(configDir);
                if (context != null && context != "default")
                {
                    host = ContextHost(configDir, context);
                    source = "context " + context;
                }
            }
            if (host == null)
            {
                host = isWindows ? "npipe://./pipe/docker_engine" : "unix:///var/run/docker.sock";
                source = "default";
            }
            return new EngineEndpoint(ParseHost(host), source, certPath, tlsVerify, apiVersion);
        }

        /// <summary>Validates and normalises a DOCKER_HOST value into a URI the client accepts.</summary>
        public static Uri ParseHost(string host)
        {
            string value = host.Trim();
            if (value.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
                throw new EngineEndpointException(
                    $"The engine endpoint '{value}' uses ssh://, which PSCompose does not support yet. " +
                    "Forward the remote socket instead (for example 'ssh -L /tmp/docker.sock:/var/run/docker.sock host') " +
                    "and set DOCKER_HOST=unix:///tmp/docker.sock.");
            // The CLI's canonical npipe spelling has four slashes; the client wants npipe://./pipe/name.
            value = Regex.Replace(value, "^npipe:////\\./", "npipe://./", RegexOptions.IgnoreCase);
            if (value.StartsWith("/")) value = "unix://" + value;
            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri uri))
                throw new EngineEndpointException($"The engine endpoint '{host}' is not a valid URI.");
            switch (uri.Scheme.ToLowerInvariant())
            {
                case "unix":
                case "npipe":
                case "tcp":
                case "http":
                case "https":
                    return uri;
                default:
                    throw new EngineEndpointException(
                        $"The engine endpoint '{host}' uses the unsupported scheme '{uri.Scheme}'; use unix://, npipe://, tcp:// or https://.");
            }
        }

        private static string CurrentContext(string configDir)
        {
            string path = Path.Combine(configDir, "config.json");
            if (!File.Exists(path)) return null;
            Match m = Regex.Match(File.ReadAllText(path), "\"currentContext\"\\s*:\\s*\"([^\"]*)\"");
            return m.Success ? NonEmpty(m.Groups[1].Value) : null;
        }

        private static string ContextHost(string configDir, string context)
        {
            string digest;
            using (var sha = SHA256.Create())
                digest = ToHex(sha.ComputeHash(Encoding.UTF8.GetBytes(context)));
            string meta = Path.Combine(configDir, "contexts", "meta", digest, "meta.json");
            if (!File.Exists(meta))
                throw new EngineEndpointException($"The docker context '{context}' was not found (looked for {meta}).");
            Match m = Regex.Match(File.ReadAllText(meta), "\"docker\"\\s*:\\s*\\{[^}]*\"Host\"\\s*:\\s*\"([^\"]*)\"");
            if (!m.Success)
                throw new EngineEndpointException($"The docker context '{context}' has no docker endpoint ({meta}).");
            return Regex.Unescape(m.Groups[1].Value);
        }

        private static string ToHex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes) sb.Append(b.ToString("x2"));
            return sb.ToString();
        }

        private static string NonEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
