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

        /// <summary>A ComposeProject from Get-ComposeProject: loaded from the compose files and directory it was created from.</summary>
        [Parameter(ValueFromPipeline = true)]
        public ComposeProject InputObject { get; set; }

        private readonly List<string> selected = new List<string>();
        private ImageProgressReporter progress;
        private int selectedCount;
        private bool namesFromCommandLine;

        protected override void BeginCompose() => namesFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Name));

        protected override void ProcessCompose()
        {
            // A piped project's Name binds to -Name by property name; it names the project, not a service.
            if (TakePipedProject(InputObject) && !namesFromCommandLine) Name = null;
            if (Name != null) selected.AddRange(Name);
        }

        protected sealed override void EndCompose() => ForEachPipedProject(ActOnProject);

        /// <summary>The cmdlet's work on one loaded project.</summary>
        internal abstract void ActOnProject();

        /// <summary>The selected services of the loaded project, in file order; an unknown name is an error.</summary>
        internal IReadOnlyList<string> SelectedServices(ProjectModel model)
        {
            foreach (string name in selected)
                if (!model.Typed.Services.ContainsKey(name))
                    throw new ComposeException(ErrorIds.ServiceNotFound, $"no such service: {name}", name);
            List<string> services = selected.Count == 0 ? model.Typed.ServiceNames.ToList() : model.Typed.ServiceNames.Where(selected.Contains).ToList();
            selectedCount = services.Count;
            return services;
        }

        internal static string ImageName(ProjectModel model, string service) =>
            ComposeNames.Image(model.Typed.Service(service).Image, model.Name, service, model.Compatibility);

        /// <summary>
        /// Runs one engine action per image: layer bytes and build steps go to Write-Progress, build output to the
        /// information stream (tagged PSCompose, the activity, the service), the engine's closing lines to -Verbose.
        /// </summary>
        internal ComposeImage Act(string service, string activity, Func<IEngineClient, Action<EngineProgress>, CancellationToken, Task> action, ComposeImage result)
        {
            IEngineClient client = Engine; // connect here, on the pipeline thread
            if (progress == null)
            {
                progress = ImageProgressReporter.For(this, activity + " images");
                progress.Expect(selectedCount);
            }
            progress.Begin(service);
            try
            {
                Stream(async (queue, ct) =>
                {
                    Action<EngineProgress> bar = progress.Service(service, queue);
                    Action<EngineProgress> lines = p =>
                    {
                        bar(p);
                        string output = p.Stream?.TrimEnd('\n');
                        // A build step's output can arrive as several lines in one message: one record per line.
                        if (!string.IsNullOrEmpty(output))
                            foreach (string line in output.Split('\n'))
                                queue.Post(() => WriteInformation(ForLog(line.TrimEnd('\r')), new[] { "PSCompose", activity, service }));
                        else if (p.Id == null && p.Status != null) queue.Post(() => WriteVerbose($"{service}: {p.Status}"));
                    };
                    await action(client, lines, ct).ConfigureAwait(false);
                });
            }
            finally { progress.ServiceDone(service); }
            result.Id = LocalImageId(result.Image) ?? "";
            return result;
        }

        internal override void CompleteProgress() => progress?.Complete();

        internal string LocalImageId(string reference)
        {
            try { return AwaitEngine((engine, ct) => engine.InspectImageAsync(reference, ct)).Id; }
            catch (EngineException e) when (e.IsNotFound) { return null; }
        }
    }
}
