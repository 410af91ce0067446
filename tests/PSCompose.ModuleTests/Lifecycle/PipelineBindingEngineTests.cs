using System;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// What each output type binds to when piped into the service cmdlets: a ComposeContainer names its service (not
    /// its container name), a ComposeProject its project, a string a service.
    /// </summary>
    public class PipelineBindingEngineTests
    {
        private static LifecycleProject NewProject() =>
            new LifecycleProject(name: "psc-cmdlets-" + Guid.NewGuid().ToString("N").Substring(0, 10)).Up();

        [EngineFact]
        public void ContainerPipedToRestart_RestartsItsService_Only()
        {
            using var p = NewProject();
            string web = LifecycleProject.StartedAt(p.Container("web"));
            string db = LifecycleProject.StartedAt(p.Container("db"));
            p.Ps("Get-ComposeContainer -ProjectName $p web | Restart-ComposeService", p.OtherDirectory()).AssertNoErrors();
            Assert.NotEqual(web, LifecycleProject.StartedAt(p.Container("web")));
            Assert.Equal(db, LifecycleProject.StartedAt(p.Container("db")));
        }

        [EngineFact]
        public void StringPipedToRestart_IsAServiceName()
        {
            using var p = NewProject();
            string web = LifecycleProject.StartedAt(p.Container("web"));
            string worker = LifecycleProject.StartedAt(p.Container("worker"));
            p.Ps("'web' | Restart-ComposeService -ProjectName $p", p.OtherDirectory()).AssertNoErrors();
            Assert.NotEqual(web, LifecycleProject.StartedAt(p.Container("web")));
            Assert.Equal(worker, LifecycleProject.StartedAt(p.Container("worker")));
        }

        [EngineFact]
        public void ProjectPipedToDown_TakesTheProjectDownByName()
        {
            using var p = NewProject();
            p.Ps("Get-ComposeProject $p | Invoke-ComposeDown -Timeout 1", p.OtherDirectory()).AssertNoErrors();
            Assert.Empty(LifecycleProject.ContainersOf(p.Name));
            Assert.Empty(LifecycleProject.NetworksOf(p.Name));
        }

        [EngineFact]
        public void ProjectPipedToGetCmdlets_ListsThatProject()
        {
            using var p = NewProject();
            RunResult services = p.Ps("Get-ComposeProject $p | Get-ComposeService", p.OtherDirectory()).AssertNoErrors();
            Assert.Equal(new[] { "db", "web", "worker" }, services.Output.Select(o => (string)o.Properties["Name"].Value).OrderBy(n => n));
            RunResult containers = p.Ps("Get-ComposeProject $p | Get-ComposeContainer", p.OtherDirectory()).AssertNoErrors();
            Assert.Equal(new[] { p.Container("db"), p.Container("web"), p.Container("worker") },
                containers.Output.Select(o => (string)o.Properties["Name"].Value).OrderBy(n => n));
            RunResult one = p.Ps("Get-ComposeService -ProjectName $p web | Get-ComposeContainer", p.OtherDirectory()).AssertNoErrors();
            Assert.Equal(p.Container("web"), (string)Assert.Single(one.Output).Properties["Name"].Value);
        }

        [EngineFact]
        public void ContainerPipedToEachServiceCmdlet_ActsOnItsService()
        {
            using var p = NewProject();
            string web = "Get-ComposeContainer -ProjectName $p web -All";
            string other = p.OtherDirectory();
            p.Ps(web + " | Stop-ComposeService -Timeout 1", other).AssertNoErrors();
            Assert.Equal("exited", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("db")));
            p.Ps(web + " | Start-ComposeService", other).AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            p.Ps(web + " | Suspend-ComposeService", other).AssertNoErrors();
            Assert.Equal("paused", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("worker")));
            p.Ps(web + " | Resume-ComposeService", other).AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            p.Ps(web + " | Stop-ComposeService -Kill", other).AssertNoErrors();
            Assert.Equal("exited", LifecycleProject.Status(p.Container("web")));
            p.Ps(web + " | Remove-ComposeService -Force", other).AssertNoErrors();
            Assert.False(LifecycleProject.Exists(p.Container("web")));
            Assert.True(LifecycleProject.Exists(p.Container("db")));
            Assert.True(LifecycleProject.Exists(p.Container("worker")));
        }

        [EngineFact]
        public void ServicePipedToStop_AndStringsToStart_ActOnThoseServices()
        {
            using var p = NewProject();
            string other = p.OtherDirectory();
            p.Ps("Get-ComposeService -ProjectName $p web, worker | Stop-ComposeService -Timeout 1", other).AssertNoErrors();
            Assert.Equal("exited", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("exited", LifecycleProject.Status(p.Container("worker")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("db")));
            p.Ps("'web', 'worker' | Start-ComposeService -ProjectName $p", other).AssertNoErrors();
            Assert.Equal("running", LifecycleProject.Status(p.Container("web")));
            Assert.Equal("running", LifecycleProject.Status(p.Container("worker")));
        }

        [EngineFact]
        public void StartOnAProjectWithoutContainers_IsAnError_LikeComposeStart()
        {
            string project = "psc-cmdlets-none-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Docker.Result reference = Docker.Run("compose", "-p", project, "start");
            Assert.NotEqual(0, reference.ExitCode);
            Assert.Contains("no container found for project", reference.Stderr + reference.Stdout);

            RunResult r = PowerShellRunner.Run("Start-ComposeService -ProjectName $p", new() { ["p"] = project });
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("ComposeProjectNotFound,PSCompose.Cmdlets.StartComposeServiceCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(project, error.TargetObject);
            Assert.Contains($"no container found for project \"{project}\"", error.ToString());
        }
    }
}
