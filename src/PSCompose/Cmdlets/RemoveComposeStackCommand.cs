using System.Management.Automation;
using PSCompose.Execution.Stack;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Removes a Swarm stack like docker stack rm: its services, then the networks, secrets and configs with the
    /// stack's com.docker.stack.namespace label (nothing without it). Works on stacks deployed by docker stack deploy
    /// too. A stack with nothing in it gets docker's warning "Nothing found in stack: NAME".
    /// </summary>
    /// <example>
    /// <code>Remove-ComposeStack -Name shop</code>
    /// <para>Removes the stack shop.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "ComposeStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveComposeStackCommand : ComposeCmdlet
    {
        /// <summary>The stacks to remove.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StackName")]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        /// <summary>Wait until the stack's tasks are gone (docker stack rm --detach=false).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override void ProcessCompose()
        {
            Engine.IEngineClient engine = Engine;
            foreach (string stack in Name)
            {
                if (!ShouldProcess($"stack {stack}", "Remove")) continue;
                bool found = false;
                Stream(async (queue, ct) =>
                {
                    StackReport report = StackCmdletSupport.Report(this, queue, $"Removing stack {stack}");
                    found = await StackRemover.RemoveAsync(engine, stack, Wait, report, ct).ConfigureAwait(false);
                });
                if (!found) WriteWarning($"Nothing found in stack: {stack}");
            }
        }
    }
}
