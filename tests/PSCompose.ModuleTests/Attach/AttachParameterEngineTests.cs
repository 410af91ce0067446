using System.Management.Automation;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Attach
{
    /// <summary>The attached-up flag rules: Compose's messages (checked against docker compose up), specific ids, nothing created.</summary>
    public class AttachParameterEngineTests
    {
        private static UpProject Project()
        {
            var p = new UpProject("psc-attach-flags");
            p.WriteCompose("services:\n" +
                $"  web:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n    depends_on: [db]\n" +
                $"  db:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n" +
                $"  other:\n    image: {UpProject.Busybox}\n    command: {UpProject.Sleeper}\n");
            return p;
        }

        private static readonly (string Parameters, string ErrorId, string Target, string ComposeArgs, string Message)[] Cases =
        {
            ("-AbortOnContainerExit -AbortOnContainerFailure", "AttachParameterConflict", null,
                "--abort-on-container-exit --abort-on-container-failure", "--abort-on-container-failure cannot be combined with --abort-on-container-exit"),
            ("-AttachService web -AttachDependencies", "AttachParameterConflict", null,
                "--attach web --attach-dependencies", "cannot combine --attach and --attach-dependencies"),
            ("-Wait", "AttachParameterConflict", null,
                "--wait --attach web", "--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies"),
            ("web -AttachService other", "AttachServiceNotSelected", "other",
                "--attach other web", "cannot attach to services not included in up: other"),
            ("-ExitCodeFrom nosuch", "ComposeServiceNotFound", "nosuch",
                "--exit-code-from nosuch", "no such service: nosuch: not found"),
        };

        [EngineFact]
        public void AttachFlagErrors_CarryComposesMessage_AndChangeNothing()
        {
            using var p = Project();
            foreach (var (parameters, errorId, target, composeArgs, message) in Cases)
            {
                Docker.Result reference = p.Compose(("up " + composeArgs).Split(' '));
                Assert.NotEqual(0, reference.ExitCode);
                Assert.Contains(message, reference.Stderr);
                p.Compose("down", "-t", "0");

                RunResult r = p.PsUp("-Attach " + parameters);
                ErrorRecord error = Assert.Single(r.Errors);
                Assert.Equal(errorId + ",PSCompose.Cmdlets.InvokeComposeUpCommand", error.FullyQualifiedErrorId);
                Assert.Equal(errorId == "ComposeServiceNotFound" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                Assert.Equal(target, error.TargetObject);
                Assert.Contains(message, error.Exception.Message);
                Assert.Empty(p.ContainerIds());
            }
        }

        [EngineFact]
        public void AttachOnlyParameters_WithoutAttach_AreAttachRequired()
        {
            using var p = Project();
            foreach (string parameter in new[] { "-AbortOnContainerExit", "-ExitCodeFrom web", "-NoAttach db", "-Timestamps" })
            {
                RunResult r = p.PsUp(parameter);
                ErrorRecord error = Assert.Single(r.Errors);
                Assert.Equal("AttachRequired,PSCompose.Cmdlets.InvokeComposeUpCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                Assert.Equal(parameter.Split(' ')[0].TrimStart('-'), error.TargetObject);
            }
            Assert.Empty(p.ContainerIds());
        }
    }
}
