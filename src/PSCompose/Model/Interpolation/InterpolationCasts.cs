using System;
using System.Collections.Generic;
using System.Linq;

namespace PSCompose.Model.Interpolation
{
    /// <summary>
    /// compose-go's interpolateTypeCastMapping (loader/interpolate.go, v2): after substitution, a string at one
    /// of these paths is converted to int / float / bool. Paths are compose-go tree paths: parts joined with
    /// ".", "*" matches any one part, "[]" stands for a list item.
    /// </summary>
    internal static class InterpolationCasts
    {
        private static readonly List<KeyValuePair<string[], Func<string, Action<string>, object>>> Casts =
            new List<KeyValuePair<string[], Func<string, Action<string>, object>>>();

        static InterpolationCasts()
        {
            Service(ToInt, "configs", "[]", "mode");
            Service(ToInt64, "cpu_count");
            Service(ToFloat, "cpu_percent");
            Service(ToInt64, "cpu_period");
            Service(ToInt64, "cpu_quota");
            Service(ToInt64, "cpu_rt_period");
            Service(ToInt64, "cpu_rt_runtime");
            Service(ToFloat32, "cpus");
            Service(ToInt64, "cpu_shares");
            Service(ToBoolean, "init");
            Service(ToInt, "deploy", "replicas");
            Service(ToInt, "deploy", "update_config", "parallelism");
            Service(ToFloat, "deploy", "update_config", "max_failure_ratio");
            Service(ToInt, "deploy", "rollback_config", "parallelism");
            Service(ToFloat, "deploy", "rollback_config", "max_failure_ratio");
            Service(ToInt, "deploy", "restart_policy", "max_attempts");
            Service(ToInt, "deploy", "placement", "max_replicas_per_node");
            Service(ToInt, "healthcheck", "retries");
            Service(ToBoolean, "healthcheck", "disable");
            Service(ToBoolean, "oom_kill_disable");
            Service(ToInt64, "oom_score_adj");
            Service(ToInt64, "pids_limit");
            Service(ToInt, "ports", "[]", "target");
            Service(ToBoolean, "privileged");
            Service(ToBoolean, "read_only");
            Service(ToInt, "scale");
            Service(ToInt, "secrets", "[]", "mode");
            Service(ToBoolean, "stdin_open");
            Service(ToBoolean, "tty");
            Service(ToInt, "ulimits", "*");
            Service(ToInt, "ulimits", "*", "hard");
            Service(ToInt, "ulimits", "*", "soft");
            Service(ToBoolean, "volumes", "[]", "read_only");
            Service(ToBoolean, "volumes", "[]", "volume", "nocopy");
            Add(ToBoolean, "networks", "*", "external");
            Add(ToBoolean, "networks", "*", "internal");
            Add(ToBoolean, "networks", "*", "attachable");
            Add(ToBoolean, "networks", "*", "enable_ipv4");
            Add(ToBoolean, "networks", "*", "enable_ipv6");
            Add(ToBoolean, "volumes", "*", "external");
            Add(ToBoolean, "secrets", "*", "external");
            Add(ToBoolean, "configs", "*", "external");
        }

        /// <summary>The cast for a compose-go path such as "services.web.ports.[].target", or null.</summary>
        public static Func<string, Action<string>, object> For(string path)
        {
            string[] parts = path.Split('.');
            foreach (var cast in Casts)
            {
                string[] pattern = cast.Key;
                if (pattern.Length != parts.Length) continue;
                bool match = true;
                for (int i = 0; i < parts.Length && match; i++)
                    match = pattern[i] == "*" || pattern[i] == parts[i];
                if (match) return cast.Value;
            }
            return null;
        }

        public static object ToInt(string value, Action<string> warn) => GoStrconv.Atoi(value);

        public static object ToInt64(string value, Action<string> warn) => GoStrconv.ParseInt(value);

        public static object ToFloat(string value, Action<string> warn) => GoStrconv.ParseFloat(value);

        public static object ToFloat32(string value, Action<string> warn) => GoStrconv.ParseFloat(value, 32);

        /// <summary>true/false, and the YAML 1.1 spellings with Compose's warning.</summary>
        public static object ToBoolean(string value, Action<string> warn)
        {
            switch (value.ToLowerInvariant())
            {
                case "true":
                    return true;
                case "false":
                    return false;
                case "y":
                case "yes":
                case "on":
                    warn?.Invoke($"{GoFormat.Quote(value)} for boolean is not supported by YAML 1.2, please use `true`");
                    return true;
                case "n":
                case "no":
                case "off":
                    warn?.Invoke($"{GoFormat.Quote(value)} for boolean is not supported by YAML 1.2, please use `false`");
                    return false;
                default:
                    throw new FormatException("invalid boolean: " + value);
            }
        }

        private static void Service(Func<string, Action<string>, object> cast, params string[] parts) =>
            Add(cast, new[] { "services", "*" }.Concat(parts).ToArray());

        private static void Add(Func<string, Action<string>, object> cast, params string[] parts) =>
            Casts.Add(new KeyValuePair<string[], Func<string, Action<string>, object>>(parts, cast));
    }
}
