using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Runtime.CompilerServices;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// compose-go validation.Validate, run on the merged model after defaults: the rules the JSON schema cannot
    /// express (exclusive attributes of configs/secrets, external volumes, host IPs, watch paths, device requests).
    /// </summary>
    internal static class Validation
    {
        private delegate void Checker(object value, TreePath p);

        private static readonly List<KeyValuePair<string, Checker>> Checks = new List<KeyValuePair<string, Checker>>
        {
            new KeyValuePair<string, Checker>("volumes.*", CheckVolume),
            new KeyValuePair<string, Checker>("configs.*", FileObject("file", "environment", "content")),
            new KeyValuePair<string, Checker>("secrets.*", FileObject("file", "environment")),
            new KeyValuePair<string, Checker>("services.*.ports.[]", CheckIPAddress),
            new KeyValuePair<string, Checker>("services.*.develop.watch.[].path", CheckPath),
            new KeyValuePair<string, Checker>("services.*.deploy.resources.reservations.devices.[]", CheckDeviceRequest),
            new KeyValuePair<string, Checker>("services.*.gpus.[]", CheckDeviceRequest),
        };

        public static void Validate(YMap dict) => Check(dict, TreePath.Root);

        private static void Check(object value, TreePath p)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var check in Checks)
            {
                if (p.Matches(check.Key))
                {
                    check.Value(value, p);
                    return;
                }
            }
            switch (value)
            {
                case YMap map:
                    foreach (var e in map) Check(e.Value, p.Next(e.Key));
                    break;
                case List<object> list:
                    foreach (var e in list) Check(e, p.Next("[]"));
                    break;
            }
        }

        private static void CheckVolume(object value, TreePath p)
        {
            if (value == null) return;
            if (!(value is YMap v)) throw Invalid($"expected volume, got {GoFormat.Value(value)}", p);
            if (!(v["external"] is bool external) || !external) return;
            foreach (var key in v.Keys)
            {
                if (key == "name" || key == "external" || key.StartsWith("x-")) continue;
                throw Invalid($"{p}: conflicting parameters \"external\" and {ProjectNames.GoQuote(key)} specified", p);
            }
        }

        private static Checker FileObject(params string[] keys) => (value, p) =>
        {
            if (!(value is YMap v)) return;
            int count = keys.Count(v.ContainsKey);
            if (count > 1) throw Invalid($"{p}: {string.Join("|", keys)} attributes are mutually exclusive", p);
            if (count == 0 && !v.ContainsKey("driver") && !v.ContainsKey("external"))
            {
                throw Invalid($"{p}: one of {string.Join("|", keys)} must be set", p);
            }
        };

        private static void CheckIPAddress(object value, TreePath p)
        {
            if (value is YMap v && v["host_ip"] is string ip && ip.Length > 0 && !IPAddress.TryParse(ip, out _))
            {
                throw Invalid($"{p}: invalid ip address: {ip}", p);
            }
        }

        private static void CheckPath(object value, TreePath p)
        {
            if (value is string s && s.Length == 0) throw Invalid($"{p}: value can't be blank", p);
        }

        private static void CheckDeviceRequest(object value, TreePath p)
        {
            if (value is YMap v && v.ContainsKey("count") && v.ContainsKey("device_ids"))
            {
                throw Invalid($"{p}: \"count\" and \"device_ids\" attributes are exclusive", p);
            }
        }

        private static ComposeFileException Invalid(string message, TreePath p) =>
            new ComposeFileException(ErrorIds.FileInvalid, message, keyPath: p.ToString());
    }
}
