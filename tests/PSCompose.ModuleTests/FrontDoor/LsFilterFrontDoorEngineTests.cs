using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>`ls --filter name=` (exact or a regular expression anywhere in the name) and `ls --format json`, as `docker compose` prints them.</summary>
    public class LsFilterFrontDoorEngineTests
    {
        [EngineFact]
        public void LsFilterAndJson_PrintComposesText()
        {
            using FrontDoorProject p = FrontDoorProject.Empty($"services:\n  web:\n    image: {LifecycleProject.Busybox}\n    command: {LifecycleProject.Sleeper}\n");
            string second = p.Name + "-two";
            Docker.Result Second(params string[] args) => Docker.RunIn(p.Directory, null, new[] { "compose", "-p", second }.Concat(args).ToArray());
            try
            {
                p.Compose("up", "-d").Check();
                Second("up", "-d").Check();
                Second("stop", "-t", "0").Check();
                // Only this test's two projects match: other tests' projects come and go on the shared engine.
                string[] lines =
                {
                    $"ls --filter name={p.Name}", $"ls -a --filter name={p.Name}", $"ls -a --filter name={p.Name} --format json",
                    $"ls -a --filter name={p.Name}$ --format json", $"ls -a -q --filter name=^{p.Name}-t.o$", $"ls -a --filter NAME={p.Name}-two",
                    $"ls -a --filter name={p.Name}-TWO --format json", $"ls -a --filter name=[{p.Name}", $"ls -a --filter name=zzz-{p.Name} --filter name={p.Name}-two",
                };
                foreach (string line in lines)
                {
                    string[] words = line.Split(' ');
                    Docker.Result reference = Docker.RunIn(p.Directory, null, new[] { "compose" }.Concat(words).ToArray()).Check();
                    FrontResult ours = p.Front(line);
                    Assert.Empty(ours.Run.Errors);
                    Assert.Equal(0, ours.ExitCode);
                    Assert.Equal(FrontDoorProject.Lines(reference.Stdout), ours.Lines);
                }
                // Not vacuous: the reference lists both projects for the shared part of their names.
                Assert.Contains(second, Docker.RunIn(p.Directory, null, "compose", "ls", "-a", "--filter", "name=" + p.Name).Check().Stdout);
                // -AsObject: the filtered ComposeProject objects.
                string[] kept = p.Front($"ls -a --filter name=-two$ -AsObject").Run.Output
                    .Where(o => o.TypeNames[0] == "PSCompose.ComposeProject").Select(o => (string)o.Properties["Name"].Value).Where(n => n != null && n.StartsWith(p.Name)).ToArray();
                Assert.Equal(new[] { second }, kept);

                foreach (string line in new[] { "ls --filter status=running", "ls --filter foo", "ls --format {{.Name}}" })
                {
                    Docker.Result reference = Docker.RunIn(p.Directory, null, new[] { "compose" }.Concat(line.Split(' ')).ToArray());
                    FrontResult ours = p.Front(line.Replace("{{.Name}}", "'{{.Name}}'"));
                    ErrorRecord error = Assert.Single(ours.Run.Errors);
                    Assert.Equal(FrontDoorProject.Lines(reference.Stderr).Last(), error.Exception.Message);
                    Assert.Equal("FrontDoorInvalidArgument,Invoke-Compose", error.FullyQualifiedErrorId);
                    Assert.Equal(reference.ExitCode, ours.ExitCode);
                }
            }
            finally
            {
                Second("down", "-t", "0");
            }
        }
    }
}
