using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Model.Typed;

namespace PSCompose.Cmdlets
{
    /// <summary>Turns the typed project into the objects users get from Get-ComposeConfig.</summary>
    internal static class ServiceConfigView
    {
        public static ComposeProject Project(ProjectConfig project) => new ComposeProject
        {
            Name = project.Name,
            WorkingDirectory = project.WorkingDirectory,
            ConfigFiles = project.ConfigFiles.ToArray(),
            Services = project.Services.Values.Select(s => Service(project.Name, s)).ToArray(),
            Networks = project.Networks.Keys.ToArray(),
            Volumes = project.Volumes.Keys.ToArray(),
            Secrets = project.Secrets.Keys.ToArray(),
            Configs = project.Configs.Keys.ToArray(),
            Profiles = project.AllProfiles.ToArray(),
        };

        public static ComposeServiceConfig Service(string projectName, ServiceConfig s) => new ComposeServiceConfig
        {
            ProjectName = projectName,
            Name = s.Name,
            Image = s.Image,
            Build = s.Build?.Context,
            Command = s.Command?.ToArray(),
            Entrypoint = s.Entrypoint?.ToArray(),
            Environment = Dictionary(s.Environment),
            Labels = Dictionary(s.Labels),
            Ports = s.Ports.Select(Port).ToArray(),
            Volumes = s.Volumes.Select(Mount).ToArray(),
            Networks = s.Networks?.Keys.ToArray() ?? new string[0],
            DependsOn = s.DependsOn.Keys.ToArray(),
            Profiles = s.Profiles.ToArray(),
            Scale = s.ExpectedReplicas,
            ContainerName = s.ContainerName,
            Restart = s.Restart,
        };

        private static string Port(ServicePort p)
        {
            string prefix = p.HostIp != null ? p.HostIp + ":" + p.Published + ":" : p.Published != null ? p.Published + ":" : "";
            return prefix + p.Target.ToString(CultureInfo.InvariantCulture) + "/" + (p.Protocol ?? "tcp");
        }

        private static string Mount(ServiceVolume v)
        {
            if (v.Type == "tmpfs") return "tmpfs:" + v.Target;
            string text = (v.Source ?? "") + ":" + v.Target;
            return v.ReadOnly ? text + ":ro" : text;
        }

        private static IDictionary<string, string> Dictionary(OrderedMap<string> map)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in map) result[e.Key] = e.Value;
            return result;
        }
    }
}
