using System.Security.Cryptography;
using System.Text;

namespace PSCompose.Model.Serialization
{
    /// <summary>
    /// The com.docker.compose.config-hash values of Compose 2.40.3: sha256 of Go's json.Marshal of the
    /// ServiceConfig (build, pull_policy, scale, deploy.replicas, depends_on and profiles blanked),
    /// NetworkConfig, or VolumeConfig (driver "local" when empty).
    /// </summary>
    internal static class ConfigHash
    {
        public static string Service(YMap service) => Sha256(ServiceJson(service));

        /// <summary>The hash of a typed service (or a typed copy with overrides): from its canonical form.</summary>
        public static string Service(Typed.ServiceConfig service) => Service(service.Canonical);

        public static string Network(Typed.NetworkConfig network) => Network(network.Canonical);

        public static string Volume(Typed.VolumeConfig volume) => Volume(volume.Canonical);

        public static string Network(YMap network) => Sha256(GoJson.Compact(GoEncoder.Json.EncodeStruct(network ?? new YMap(), ComposeTypes.Network)));

        public static string Volume(YMap volume)
        {
            var copy = (YMap)YMap.DeepClone(volume ?? new YMap());
            if (string.IsNullOrEmpty(copy.String("driver"))) copy["driver"] = "local";
            return Sha256(GoJson.Compact(GoEncoder.Json.EncodeStruct(copy, ComposeTypes.Volume)));
        }

        /// <summary>The exact JSON text that is hashed for a service.</summary>
        public static string ServiceJson(YMap service)
        {
            var copy = (YMap)YMap.DeepClone(service ?? new YMap());
            foreach (string key in new[] { "build", "pull_policy", "scale", "depends_on", "profiles" }) copy.Remove(key);
            copy.Map("deploy")?.Remove("replicas");
            return GoJson.Compact(GoEncoder.Json.EncodeStruct(copy, ComposeTypes.Service));
        }

        internal static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

        internal static string Sha256(byte[] data)
        {
            using (var sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(data);
                var sb = new StringBuilder(64);
                foreach (byte b in hash) sb.Append(b.ToString("x2"));
                return sb.ToString();
            }
        }
    }
}
