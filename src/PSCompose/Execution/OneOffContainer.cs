using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Serialization;
using PSCompose.Model.Typed;
using PSCompose.Plan;

namespace PSCompose.Execution
{
    /// <summary>
    /// The container docker compose run creates (run.go prepareRun): the service with run's overrides, scale 1 and no
    /// restart policy, named &lt;project&gt;-&lt;service&gt;-run-&lt;slug[:12]&gt; whatever container_name says, labelled
    /// oneoff=True with the 64-hex slug and no container-number, publishing ports only with -ServicePorts/-Publish.
    /// </summary>
    internal static class OneOffContainer
    {
        public static ContainerSpec Build(ProjectModel model, OneOffRequest request, ObservedState observed, string imageId)
        {
            ProjectConfig project = model.Typed;
            string slug = NewSlug();
            ServiceConfig resolved = ServiceReferences.Resolve(Override(project, request), observed.ReferenceContainerId);
            var referenced = new Dictionary<string, string>();
            foreach (string name in project.ServiceNames)
                if (observed.ReferenceContainerId(name) is string id) referenced[name] = id;
            string separator = project.Compatibility ? "_" : "-";
            ContainerSpec spec = ServiceSpecBuilder.Build(new ServiceContainer
            {
                Project = project,
                Service = resolved,
                Number = 0,
                ContainerName = request.ContainerName ?? project.Name + separator + request.Service + separator + "run" + separator + slug.Substring(0, 12),
                ConfigHash = ConfigHash.Service(resolved),
                ImageId = imageId,
                ServiceContainerIds = referenced,
                OneOff = true,
                UseAliases = request.UseAliases,
            });
            spec.Labels[ComposeLabels.Slug] = slug;
            spec.Tty = request.Tty;
            spec.OpenStdin = spec.AttachStdin = spec.StdinOnce = request.Stdin || request.Tty;
            // Attached, PSCompose removes the one-off itself (also after Ctrl+C); detached, the engine must.
            spec.AutoRemove = request.Remove && request.Detach;
            return spec;
        }

        /// <summary>Compose's stringid.GenerateRandomID: 64 hex characters.</summary>
        private static string NewSlug()
        {
            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return string.Concat(bytes.Select(b => b.ToString("x2")));
        }

        /// <summary>The service with run's overrides: a typed copy (the project is not changed).</summary>
        private static ServiceConfig Override(ProjectConfig project, OneOffRequest request)
        {
            ServiceConfig s = project.Service(request.Service).WithContainerName(null).WithRestart(null).WithoutDeployRestartPolicy();
            if (request.Command.Count > 0) s = s.WithCommand(request.Command);
            if (request.Entrypoint != null)
            {
                s = s.WithEntrypoint(request.Entrypoint);
                if (request.Command.Count == 0) s = s.WithCommand(null);
            }
            if (!string.IsNullOrEmpty(request.User)) s = s.WithUser(request.User);
            if (!string.IsNullOrEmpty(request.WorkingDirectory)) s = s.WithWorkingDir(request.WorkingDirectory);
            OrderedMap<string> environment = s.Environment.SetItems(request.Environment.Select(e => Resolve(project, e)).Where(e => e.Value != null));
            if (environment.Count > 0) s = s.WithEnvironment(environment);
            OrderedMap<string> labels = s.Labels.SetItems(request.Labels);
            if (labels.Count > 0) s = s.WithLabels(labels);
            if (request.Volumes.Count > 0) s = s.WithVolumes(s.Volumes.Concat(request.Volumes.Select(v => Volume(project, v))).ToList());
            if (request.Publish.Count > 0) s = s.WithPorts(request.Publish.SelectMany(Ports).ToList());
            else if (!request.ServicePorts) s = s.WithPorts(null);
            s = AddCapabilities(s, request.CapAdd);
            s = DropCapabilities(s, request.CapDrop);
            return s;
        }

        /// <summary>Compose's run: the given capabilities are appended to cap_add and removed from cap_drop.</summary>
        private static ServiceConfig AddCapabilities(ServiceConfig s, IList<string> given)
        {
            if (given.Count == 0) return s;
            s = s.WithCapAdd(s.CapAdd.Concat(given));
            return s.CapDrop.Count > 0 ? s.WithCapDrop(s.CapDrop.Where(c => !given.Contains(c))) : s;
        }

        /// <summary>Compose's run: the given capabilities are appended to cap_drop and removed from cap_add.</summary>
        private static ServiceConfig DropCapabilities(ServiceConfig s, IList<string> given)
        {
            if (given.Count == 0) return s;
            s = s.WithCapDrop(s.CapDrop.Concat(given));
            return s.CapAdd.Count > 0 ? s.WithCapAdd(s.CapAdd.Where(c => !given.Contains(c))) : s;
        }

        /// <summary>-e K without a value: from the project environment (OS and .env); left out when unset there.</summary>
        private static KeyValuePair<string, string> Resolve(ProjectConfig project, KeyValuePair<string, string> e) =>
            e.Value != null ? e : new KeyValuePair<string, string>(e.Key, project.Environment.TryGetValue(e.Key, out string v) ? v : null);

        private static ServiceVolume Volume(ProjectConfig project, string spec)
        {
            ServiceVolume volume;
            try { volume = ServiceVolume.ParseShortSyntax(spec); }
            catch (FormatException e) { throw Invalid("-Volume", spec, e); }
            if (volume.Type == "bind" && volume.Source != null && !System.IO.Path.IsPathRooted(volume.Source) && !volume.Source.StartsWith("~", StringComparison.Ordinal))
                volume = volume.WithSource(System.IO.Path.GetFullPath(System.IO.Path.Combine(project.WorkingDirectory, volume.Source)));
            return volume;
        }

        private static IEnumerable<ServicePort> Ports(string spec)
        {
            try { return ServicePort.ParseShortSyntax(spec); }
            catch (FormatException e) { throw Invalid("-Publish", spec, e); }
        }

        private static ComposeException Invalid(string parameter, string value, Exception e) =>
            new ComposeException(ErrorIds.RunParameterInvalid, $"{parameter} '{value}': {e.Message}", value, e);
    }
}
