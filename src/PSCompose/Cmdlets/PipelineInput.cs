using System.Management.Automation;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// What one pipeline record names for the cmdlets that take services from the pipeline. A string is a service
    /// name; a ComposeService is its service; a ComposeContainer is its Service (not its Name, the container name,
    /// which binding by property name would pick); a ComposeProject is its project, every service unless -Name was
    /// given. Any other object goes by the Name/Service and ProjectName properties bound by property name.
    /// </summary>
    internal sealed class PipelineInput
    {
        /// <summary>The record's project; null when the record does not name one.</summary>
        public string Project { get; private set; }

        /// <summary>The services the record names; null means every service.</summary>
        public string[] Services { get; private set; }

        /// <summary>True when the record carries a ProjectName property that PowerShell bound.</summary>
        public bool BoundProjectName { get; private set; }

        public static PipelineInput From(PSObject input, string[] boundNames, bool namesFromCommandLine)
        {
            switch (input?.BaseObject)
            {
                case null:
                    return new PipelineInput { Services = boundNames };
                case ComposeContainer container:
                    return new PipelineInput { Project = container.ProjectName, Services = new[] { container.Service } };
                case ComposeService service:
                    return new PipelineInput { Project = service.ProjectName, Services = new[] { service.Name } };
                case ComposeProject project:
                    return new PipelineInput { Project = project.Name, Services = namesFromCommandLine ? boundNames : null };
                case string name:
                    return new PipelineInput { Services = new[] { name } };
                default:
                    bool boundProject = input.Properties["ProjectName"] != null;
                    // An object with neither a name nor a project names a service by its string form (and fails as such),
                    // rather than silently meaning every service.
                    string[] services = boundNames ?? (boundProject ? null : new[] { input.ToString() });
                    return new PipelineInput { Services = services, BoundProjectName = boundProject };
            }
        }
    }
}
