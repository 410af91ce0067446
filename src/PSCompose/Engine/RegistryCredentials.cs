using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using PSCompose.Common;

namespace PSCompose.Engine
{
    /// <summary>
    /// Registry credentials from the docker CLI config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json):
    /// credHelpers, then credsStore, then the inline base64 auths. Best effort: anything unreadable means anonymous.
    /// </summary>
    internal static class RegistryCredentials
    {
        public static AuthConfig For(string registry, string configDirectory = null)
        {
            string key = registry == "docker.io" ? ImageReference.DockerHubAuthKey : registry;
            try
            {
                using (JsonDocument config = ReadConfig(configDirectory))
                {
                    if (config == null) return null;
                    JsonElement root = config.RootElement;
                    string helper = null;
                    if (root.TryGetProperty("credHelpers", out JsonElement helpers) && helpers.ValueKind == JsonValueKind.Object
                        && helpers.TryGetProperty(registry, out JsonElement h) && h.ValueKind == JsonValueKind.String)
                        helper = h.GetString();
                    else if (root.TryGetProperty("credsStore", out JsonElement store) && store.ValueKind == JsonValueKind.String)
                        helper = store.GetString();
                    if (!string.IsNullOrEmpty(helper))
                    {
                        AuthConfig fromHelper = FromHelper(helper, key);
                        if (fromHelper != null) return fromHelper;
                    }
                    return FromAuths(root, key, registry);
                }
            }
            catch (Exception e) when (e is IOException || e is JsonException || e is UnauthorizedAccessException || e is FormatException)
            {
                return null;
            }
        }

        /// <summary>All inline credentials (the classic builder receives them all, as the CLI sends them).</summary>
        public static IList<AuthConfig> All(string configDirectory = null)
        {
            var list = new List<AuthConfig>();
            try
            {
                using (JsonDocument config = ReadConfig(configDirectory))
                {
                    if (config == null || !config.RootElement.TryGetProperty("auths", out JsonElement auths) || auths.ValueKind != JsonValueKind.Object)
                        return list;
                    foreach (JsonProperty entry in auths.EnumerateObject())
                    {
                        AuthConfig auth = Decode(entry.Value, entry.Name);
                        if (auth != null) list.Add(auth);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is JsonException || e is UnauthorizedAccessException || e is FormatException)
            {
            }
            return list;
        }

        private static JsonDocument ReadConfig(string dir)
        {
            if (string.IsNullOrEmpty(dir)) dir = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
            if (string.IsNullOrEmpty(dir))
                dir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
            string path = Path.Combine(dir, "config.json");
            return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;
        }

        private static AuthConfig FromAuths(JsonElement root, string key, string registry)
        {
            if (!root.TryGetProperty("auths", out JsonElement auths) || auths.ValueKind != JsonValueKind.Object) return null;
            foreach (JsonProperty entry in auths.EnumerateObject())
            {
                if (HostOf(entry.Name) == HostOf(key) || HostOf(entry.Name) == registry)
                    return Decode(entry.Value, entry.Name);
            }
            return null;
        }

        private static AuthConfig Decode(JsonElement entry, string server)
        {
            if (entry.ValueKind != JsonValueKind.Object) return null;
            var auth = new AuthConfig { ServerAddress = server };
            if (entry.TryGetProperty("auth", out JsonElement encoded) && encoded.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(encoded.GetString()))
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.GetString()));
                int colon = decoded.IndexOf(':');
                if (colon < 0) return null;
                auth.Username = decoded.Substring(0, colon);
                auth.Password = decoded.Substring(colon + 1);
            }
            if (entry.TryGetProperty("identitytoken", out JsonElement token) && token.ValueKind == JsonValueKind.String)
                auth.IdentityToken = token.GetString();
            return auth.Username == null && auth.IdentityToken == null ? null : auth;
        }

        /// <summary>"https://host/v1/" → "host"; "host:5000" → "host:5000".</summary>
        private static string HostOf(string server)
        {
            string s = server;
            int scheme = s.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) s = s.Substring(scheme + 3);
            int slash = s.IndexOf('/');
            return slash >= 0 ? s.Substring(0, slash) : s;
        }

        /// <summary>docker-credential-&lt;helper&gt; get, with the server on stdin (the credential-helper protocol).</summary>
        private static AuthConfig FromHelper(string helper, string server)
        {
            var psi = new ProcessStartInfo("docker-credential-" + helper, "get")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            try
            {
                using (Process p = Process.Start(psi))
                {
                    p.StandardInput.Write(server);
                    p.StandardInput.Close();
                    string output = p.StandardOutput.ReadToEnd();
                    if (!p.WaitForExit(10000) || p.ExitCode != 0) return null;
                    using (JsonDocument doc = JsonDocument.Parse(output))
                    {
                        string user = doc.RootElement.TryGetProperty("Username", out JsonElement u) ? u.GetString() : null;
                        string secret = doc.RootElement.TryGetProperty("Secret", out JsonElement s) ? s.GetString() : null;
                        if (string.IsNullOrEmpty(secret)) return null;
                        return user == "<token>"
                            ? new AuthConfig { ServerAddress = server, IdentityToken = secret }
                            : new AuthConfig { ServerAddress = server, Username = user, Password = secret };
                    }
                }
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is IOException || e is JsonException || e is InvalidOperationException)
            {
                return null;
            }
        }
    }
}
