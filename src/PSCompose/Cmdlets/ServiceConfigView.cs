using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>Turns the canonical model into the objects users get from Get-ComposeConfig.</summary>
    internal static class ServiceConfigView
    {
        public static ComposeProject Project(ProjectModel model) => new ComposeProject
        {
            Name = model.Name,
            WorkingDirectory = model.WorkingDirectory,
            ConfigFiles = model.ConfigFiles.ToArray(),
            Services = model.Services.Select(s => Service(model, s.Key, (YMap)s.Value)).ToArray(),
            Networks = model.Networks.Keys.ToArray(),
            Volumes = model.Volumes.Keys.ToArray(),
            Secrets = model.Secrets.Keys.ToArray(),
            Configs = model.Configs.Keys.ToArray(),
            Profiles = model.AllProfiles.ToArray(),
        };

        public static ComposeServiceConfig Service(ProjectModel model, string name, YMap s) => new ComposeServiceConfig
        {
            ProjectName = model.Name,
            Name = name,
            Image = s.String("image"),
            Build = s.Map("build")?.String("context"),
            Command = Strings(s.List("command")),
            Entrypoint = Strings(s.List("entrypoint")),
            Environment = Dictionary(s.Map("environment")),
            Labels = Dictionary(s.Map("labels")),
            Ports = (s.List("ports") ?? new List<object>()).OfType<YMap>().Select(Port).ToArray(),
            Volumes = (s.List("volumes") ?? new List<object>()).OfType<YMap>().Select(Mount).ToArray(),
            Networks = s.Map("networks")?.Keys.ToArray() ?? new string[0],
            DependsOn = s.Map("depends_on")?.Keys.ToArray() ?? new string[0],
            Profiles = Strings(s.List("profiles")) ?? new string[0],
            Scale = Execution.ServiceScale.Expected(s),
            ContainerName = s.String("container_name"),
            Restart = s.String("restart"),
        };

        private static string Port(YMap p)
        {
            string hostIp = p.String("host_ip");
            string published = p["published"]?.ToString();
            string prefix = hostIp != null ? hostIp + ":" + published + ":" : published != null ? published + ":" : "";
            return prefix + Convert.ToString(p["target"], CultureInfo.InvariantCulture) + "/" + (p.String("protocol") ?? "tcp");
        }

        private static string Mount(YMap v)
        {
            string type = v.String("type");
            if (type == "tmpfs") return "tmpfs:" + v.String("target");
            string text = (v.String("source") ?? "") + ":" + v.String("target");
            return v["read_only"] is bool ro && ro ? text + ":ro" : text;
        }

        private static string[] Strings(List<object> list) =>
            list?.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)).ToArray();

        private static IDictionary<string, string> Dictionary(YMap map)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (map != null)
                foreach (var e in map) result[e.Key] = e.Value == null ? null : Convert.ToString(e.Value, CultureInfo.InvariantCulture);
            return result;
        }
    }
}
