using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution.Stack;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Deploys a compose project to Docker Swarm as a stack, like docker stack deploy: services, overlay networks,
    /// secrets and configs named &lt;stack&gt;_&lt;key&gt; with the com.docker.stack.namespace label, so docker stack
    /// ls/ps/rm see it. Unlike docker stack deploy it reads .env and the full Compose Spec, warns per key Swarm cannot
    /// honour (with file and line), rolls secrets and configs whose content changed (content-addressed names), leaves
    /// unchanged services untouched, and with -Wait waits until the services have converged.
    /// </summary>
    /// <example>
    /// <code>Publish-ComposeStack -File stack.yaml -Name shop -Wait</code>
    /// <para>Deploys (or updates) the stack shop and waits until every service runs its replicas.</para>
    /// </example>
    [Cmdlet(VerbsData.Publish, "ComposeStack", SupportsShouldProcess = true)]
    [OutputType(typeof(ComposeStack))]
    public sealed class PublishComposeStackCommand : ComposeProjectCmdlet
    {
        /// <summary>The stack name (docker stack deploy STACK); names the services &lt;stack&gt;_&lt;service&gt;.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("StackName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Wait until every service has converged (tasks running and healthy, update completed).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Maximum seconds to wait with -Wait; 0 (the default) means no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>Remove the stack's services that the compose file no longer declares, like docker stack deploy --prune.</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        /// <summary>Pin images to their registry digest: Always (docker's default), Changed, or Never.</summary>
        [Parameter]
        public StackImageResolution ResolveImage { get; set; } = StackImageResolution.Always;

        protected override void ProcessCompose()
        {
            // The stack name is the project name: the canonical names (<stack>_<key>) come from it.
            ProjectName = Name;
            StackPlan plan = StackTranslator.Translate(LoadProject().Typed, Name);
            foreach (StackWarning warning in plan.Warnings) WriteWarning(warning.ToString());
            string summary = $"services {string.Join(", ", plan.Services.Select(s => s.Name))}";
            if (!ShouldProcess($"stack {Name}", "Deploy " + summary)) return;
            var options = new StackDeployOptions
            {
                Prune = Prune,
                ResolveImage = ResolveImage,
                Wait = Wait,
                Timeout = Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : (TimeSpan?)null,
            };
            Engine.IEngineClient engine = Engine;
            Stream(async (queue, ct) =>
            {
                StackReport report = StackCmdletSupport.Report(this, queue, $"Deploying stack {Name}");
                await StackDeployer.DeployAsync(engine, plan, options, report, ct).ConfigureAwait(false);
                queue.Post(() => WriteObject(new ComposeStack { Name = Name, Services = plan.Services.Count }));
            });
        }
    }
}
