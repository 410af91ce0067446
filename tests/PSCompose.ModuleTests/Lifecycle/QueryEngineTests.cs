using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>Get-ComposeService and Get-ComposeContainer (ps) against states set up with the reference binary.</summary>
    public class QueryEngineTests
    {
        [EngineFact]
        public void GetComposeService_ReportsEveryDeclaredService_WithItsContainers()
        {
            using var p = new LifecycleProject(
                "services:\n" +
                $"  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n    scale: 2\n" +
                $"  idle:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n" +
                $"  job:\n    image: {LifecycleProject.Busybox}\n    command: [\"true\"]\n").Up();
            p.Compose("wait", "job");
            p.Compose("stop", "idle").Check();

            RunResult r = p.Ps("Get-ComposeService -Path $dir -ProjectName $p").AssertNoErrors();
            Dictionary<string, PSObject> services = r.Output.ToDictionary(o => (string)o.Properties["Name"].Value);
            Assert.Equal(new[] { "idle", "job", "web" }, services.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.All(r.Output, o => Assert.Equal("PSCompose.ComposeService", o.BaseObject.GetType().FullName));
            PSObject web = services["web"];
            Assert.Equal(p.Name, web.Properties["ProjectName"].Value);
            Assert.Equal(LifecycleProject.Busybox, web.Properties["Image"].Value);
            Assert.Equal(2, web.Properties["DesiredReplicas"].Value);
            Assert.Equal(2, web.Properties["Running"].Value);
            Assert.Equal("running(2)", web.Properties["State"].Value);
            Assert.Equal(2, ((Array)web.Properties["Containers"].Value).Length);
            Assert.Equal("exited(1)", services["idle"].Properties["State"].Value);
            Assert.Equal(0, services["idle"].Properties["Running"].Value);
            Assert.Equal("exited(1)", services["job"].Properties["State"].Value);

            RunResult one = p.Ps("Get-ComposeService -ProjectName $p -Name w*").AssertNoErrors();
            Assert.Equal("web", Assert.Single(one.Output).Properties["Name"].Value);

            RunResult missing = p.Ps("Get-ComposeService -Path $dir -ProjectName $p -Name nosuch");
            Assert.Equal("ComposeServiceNotFound,PSCompose.Cmdlets.GetComposeServiceCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [EngineFact]
        public void GetComposeContainer_FollowsPsAllAndStatus()
        {
            using var p = new LifecycleProject().Up();
            p.Compose("stop", "worker").Check();
            p.Compose("run", "--name", p.Name + "-oneoff", "worker", "true").Check();

            // docker compose ps: running service containers only.
            Assert.Equal(Reference(p), Names(p.Ps("Get-ComposeContainer -ProjectName $p").AssertNoErrors()));
            Assert.Equal(new[] { p.Container("db"), p.Container("web") }, Names(p.Ps("Get-ComposeContainer -ProjectName $p")));
            // ps -a adds stopped and one-off containers.
            Assert.Equal(Reference(p, "-a"), Names(p.Ps("Get-ComposeContainer -ProjectName $p -All").AssertNoErrors()));
            Assert.Contains(p.Name + "-oneoff", Reference(p, "-a"));
            // --status exited also lists the stopped one-off, without -a.
            Assert.Equal(Reference(p, "--status", "exited"), Names(p.Ps("Get-ComposeContainer -ProjectName $p -Status exited").AssertNoErrors()));
            Assert.Equal(Reference(p, "web"), Names(p.Ps("Get-ComposeContainer -ProjectName $p -Name web").AssertNoErrors()));

            PSObject db = Assert.Single(p.Ps("Get-ComposeContainer -ProjectName $p -Name db").Output);
            Assert.Equal("PSCompose.ComposeContainer", db.BaseObject.GetType().FullName);
            Assert.Equal("db", db.Properties["Service"].Value);
            Assert.Equal(1, db.Properties["Number"].Value);
            Assert.Equal("running", db.Properties["State"].Value);
            Assert.Equal(p.Name, db.Properties["ProjectName"].Value);
        }

        private static string[] Names(RunResult r) =>
            r.Output.Select(o => (string)o.Properties["Name"].Value).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        private static string[] Reference(LifecycleProject p, params string[] args) =>
            p.Compose(new[] { "ps", "--format", "{{.Name}}" }.Concat(args).ToArray()).Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }
}
