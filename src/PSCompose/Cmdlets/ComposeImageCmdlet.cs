using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>Shared by the image cmdlets: service selection, image names, progress as information records.</summary>
    public abstract class ComposeImageCmdlet : ComposeProjectCmdlet
    {
        /// <summary>Services whose images to act on; default all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service")]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        private readonly List<string> selected = new List<string>();

        protected override void ProcessCompose()
        {
            if (Name != null) selected.AddRange(Name);
        }

        /// <summary>The selected services of the loaded project, in file order; an unknown name is an error.</summary>
        internal IReadOnlyList<string> SelectedServices(ProjectModel model)
        {
            foreach (string name in selected)
                if (!model.Services.ContainsKey(name))
                    throw new ComposeException(ComposeErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, $"no such service: {name}", name);
            return selected.Count == 0 ? model.ServiceNames.ToList() : model.ServiceNames.Where(selected.Contains).ToList();
        }

        internal static string ImageName(ProjectModel model, string service, bool compatibility) =>
            model.Service(service).String("image") ?? ImageNames.Default(model.Name, service, compatibility);

        /// <summary>Runs one engine action per image, reporting progress lines to the information stream.</summary>
        internal ComposeImage Act(string service, string activity, Func<IEngineClient, Action<EngineProgress>, CancellationToken, Task> action, ComposeImage result)
        {
            IEngineClient client = Engine; // connect here, on the pipeline thread
            Stream(async (queue, ct) =>
            {
                Action<EngineProgress> progress = p =>
                {
                    string line = p.Stream?.TrimEnd('\n') ?? string.Join(" ", new[] { p.Id, p.Status }.Where(s => !string.IsNullOrEmpty(s)));
                    if (line.Length > 0) queue.Post(() => WriteInformation(line, new[] { "PSCompose", activity, service }));
                };
                await action(client, progress, ct).ConfigureAwait(false);
            });
            result.Id = LocalImageId(result.Image) ?? "";
            return result;
        }

        internal string LocalImageId(string reference)
        {
            try { return AwaitEngine((engine, ct) => engine.InspectImageAsync(reference, ct)).Id; }
            catch (EngineException e) when (e.IsNotFound) { return null; }
        }
    }
}
