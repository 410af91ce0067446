using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using PSCompose.ModuleTests.Lifecycle;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.FrontDoor
{
    /// <summary>
    /// One shell-word splitter: the same text through `docker compose run --entrypoint`, `Invoke-Compose run
    /// --entrypoint` and `Invoke-ComposeRun -Entrypoint` (and as a service's `command:`) gives the one-off the same
    /// Path and Args in `docker inspect`; text Compose cannot split is refused with its words by all of them.
    /// </summary>
    public class ShellWordsFrontDoorEngineTests
    {
        private static readonly string[] Texts =
        {
            "printf a\\tb\\n\"\" $HOME",
            "echo \"a b\" 'c d' e\\ f \"x'y\" 'x\"y'",
            "echo '' \"\"",
            "echo a\\\nb",
            "echo `date +%s` $(id -u) ${X:-a b}",
            "echo a;b 2>x",
            "  sh   -c  'echo  hi'  ",
            "echo\ta\nb",
            "",
        };

        [EngineFact]
        public void TheSameText_GivesTheOneOffTheSameVector_ThroughComposeTheFrontDoorAndTheCmdlet()
        {
            using FrontDoorProject p = FrontDoorProject.Empty(
                $"services:\n  app:\n    image: {LifecycleProject.Busybox}\n    entrypoint: [\"/bin/sh\", \"-c\"]\n    command: [\"exit 3\"]\n" +
                string.Concat(Texts.Select((t, i) => t.Length == 0 ? "" : $"  c{i}:\n    image: {LifecycleProject.Busybox}\n    command: {Yaml(t)}\n")));
            for (int i = 0; i < Texts.Length; i++)
            {
                string text = Texts[i];
                var vars = new Dictionary<string, object> { ["e"] = text, ["n"] = $"{p.Name}-ours-{i}", ["m"] = $"{p.Name}-cmdlet-{i}" };
                p.Compose("run", "-d", "--name", $"{p.Name}-ref-{i}", "--entrypoint", text, "app", "true").Check();
                Succeeded(p.Front("run -d --name $n --entrypoint $e app true", vars));
                Succeeded(p.PowerShell("Invoke-ComposeRun app -ProjectName $p -Detach -ContainerName $m -Entrypoint $e -- true | Out-Null", vars));

                string expected = Vector($"{p.Name}-ref-{i}");
                Assert.Equal(expected, Vector($"{p.Name}-ours-{i}"));
                Assert.Equal(expected, Vector($"{p.Name}-cmdlet-{i}"));

                // The same text as the service's command: (its $ escaped from interpolation). An empty command: is
                // no command at all, which the engine refuses for an image without one.
                if (text.Length == 0) continue;
                p.Compose("run", "-d", "--name", $"{p.Name}-refc-{i}", $"c{i}").Check();
                Succeeded(p.PowerShell($"Invoke-ComposeRun c{i} -ProjectName $p -Detach -ContainerName \"$m-c\" | Out-Null", vars));
                Assert.Equal(Vector($"{p.Name}-refc-{i}"), Vector($"{p.Name}-cmdlet-{i}-c"));
            }
            // The texts above cover what they claim: quotes, an empty entrypoint, $VAR and `cmd` left alone.
            Assert.Equal("\"printf\" [\"atbn\",\"$HOME\",\"true\"]", Vector($"{p.Name}-ref-0"));
            Assert.Equal("\"echo\" [\"\",\"\",\"true\"]", Vector($"{p.Name}-ref-2"));
            Assert.Equal("\"echo\" [\"a\\nb\",\"true\"]", Vector($"{p.Name}-ref-3"));
            Assert.Equal("\"echo\" [\"a\",\"true\"]", Vector($"{p.Name}-ref-5"));
            Assert.Equal("\"true\" []", Vector($"{p.Name}-ref-{Texts.Length - 1}"));
        }

        [EngineFact]
        public void TextComposeCannotSplit_IsRefusedWithComposesWords_AndNothingIsCreated()
        {
            using FrontDoorProject p = FrontDoorProject.Empty($"services:\n  app:\n    image: {LifecycleProject.Busybox}\n");
            foreach (string text in new[] { "echo 'abc", "echo (x)", "echo a\\", "echo a) b" })
            {
                Docker.Result compose = p.Compose("run", "--entrypoint", text, "app");
                Assert.Equal(1, compose.ExitCode);
                Assert.Equal("invalid command line string", FrontDoorProject.Lines(compose.Stderr).Last());

                var vars = new Dictionary<string, object> { ["e"] = text };
                FrontResult front = p.Front("run --entrypoint $e app", vars);
                ErrorRecord error = Assert.Single(front.Run.Errors);
                Assert.Equal("invalid command line string", error.Exception.Message);
                Assert.Equal("FrontDoorInvalidArgument,Invoke-Compose", error.FullyQualifiedErrorId);
                Assert.Equal(1, front.ExitCode);

                FrontResult cmdlet = p.PowerShell("Invoke-ComposeRun app -ProjectName $p -Entrypoint $e", vars);
                error = Assert.Single(cmdlet.Run.Errors);
                Assert.Equal("invalid command line string", error.Exception.Message);
                Assert.StartsWith("RunParameterInvalid,", error.FullyQualifiedErrorId);
                Assert.Equal(1, cmdlet.ExitCode);
            }
            Assert.Empty(p.Containers());
            Assert.Empty(Docker.Run("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + p.Name).Check().Stdout.Trim());
        }

        private static void Succeeded(FrontResult r)
        {
            Assert.True(r.Run.Errors.Count == 0, r.Run.ErrorText);
            Assert.Equal(0, r.ExitCode);
        }

        private static string Vector(string container) =>
            Docker.Run("inspect", "--format", "{{json .Path}} {{json .Args}}", container).Check().Stdout.Trim();

        /// <summary>A YAML double-quoted scalar (JSON's escapes are YAML's) with $ escaped from interpolation.</summary>
        private static string Yaml(string text) => JsonSerializer.Serialize(text.Replace("$", "$$"));
    }
}
