using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Execution.Stack;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Lists the Swarm stacks (docker stack ls), or with -Service / -Task the services (docker stack services) or
    /// tasks (docker stack ps) of the named stacks. Stacks deployed by docker stack deploy are listed too.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeStack</code>
    /// <para>Lists the stacks with their service count.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeStack -Name shop -Task | Where-Object Error</code>
    /// <para>Shows the tasks of the stack shop that failed, with their error.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeStack", DefaultParameterSetName = StacksSet)]
    [OutputType(typeof(ComposeStack), ParameterSetName = new[] { StacksSet })]
    [OutputType(typeof(ComposeStackService), ParameterSetName = new[] { ServicesSet })]
    [OutputType(typeof(ComposeStackTask), ParameterSetName = new[] { TasksSet })]
    public sealed class GetComposeStackCommand : ComposeCmdlet
    {
        private const string StacksSet = "Stacks";
        private const string ServicesSet = "Services";
        private const string TasksSet = "Tasks";

        /// <summary>Stack names; wildcards allowed. Default all.</summary>
        [Parameter(Position = 0, ParameterSetName = StacksSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 0, ParameterSetName = ServicesSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 0, ParameterSetName = TasksSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        /// <summary>Output the stacks' services (docker stack services).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServicesSet)]
        public SwitchParameter Service { get; set; }

        /// <summary>Output the stacks' tasks (docker stack ps).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TasksSet)]
        public SwitchParameter Task { get; set; }

        protected override void ProcessCompose()
        {
            Engine.IEngineClient engine = Engine;
            IReadOnlyList<ComposeStack> stacks = Await(ct => StackReader.StacksAsync(engine, ct));
            var patterns = (Name ?? new[] { "*" }).Select(n => WildcardPattern.Get(n, WildcardOptions.None)).ToList();
            List<ComposeStack> selected = stacks.Where(s => patterns.Any(p => p.IsMatch(s.Name))).ToList();
            foreach (string name in (Name ?? new string[0]).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && selected.All(s => s.Name != n)))
                WriteComposeError(new ComposeException(ErrorIds.EngineObjectNotFound, $"nothing found in stack: {name}", name));
            foreach (ComposeStack stack in selected)
            {
                if (Service) foreach (ComposeStackService s in Await(ct => StackReader.ServicesAsync(engine, stack.Name, ct))) WriteObject(s);
                else if (Task) foreach (ComposeStackTask t in Await(ct => StackReader.TasksAsync(engine, stack.Name, ct))) WriteObject(t);
                else WriteObject(stack);
            }
        }
    }
}
