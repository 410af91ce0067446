using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.ModuleTests.Up;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Images
{
    /// <summary>
    /// Request-ComposeImage and Invoke-ComposeUp -Pull against `docker compose pull` / `up --pull`, with new content
    /// pushed to the local registry under a tag whose old content is still present locally.
    /// </summary>
    public class PullPolicyEngineTests
    {
        [EngineFact]
        public void PullThenUp_RunsTheNewContentOfTheTag_LikeComposePullAndUp()
        {
            using var content = new RegistryContent("images-pull");
            using var ours = AppOf(content, "images-pull");
            using var reference = AppOf(content, "images-pullref");
            content.Push("v1", content.A);
            ours.PsUp().AssertNoErrors();
            reference.Compose("up", "-d").Check();
            Assert.Equal(content.A, ImageOf(ours));
            Assert.Equal(content.A, ImageOf(reference));

            content.Push("v1", content.B);
            content.SetLocal("v1", content.A);
            RunResult r = PowerShellRunner.Run("Request-ComposeImage -Path $dir -ProjectName $p; Invoke-ComposeUp -Path $dir -ProjectName $p",
                new Dictionary<string, object> { ["dir"] = ours.Directory, ["p"] = ours.Name }).AssertNoErrors();
            Assert.Equal("Pulled", r.Output.First().Properties["Action"].Value);
            Assert.Equal(content.B, ImageOf(ours));

            content.SetLocal("v1", content.A);
            reference.Compose("pull").Check();
            reference.Compose("up", "-d").Check();
            Assert.Equal(content.B, ImageOf(reference));
        }

        [EngineFact]
        public void RequestComposeImage_PullsWhatComposePullPulls_ForEachPullPolicy()
        {
            using var content = new RegistryContent("images-policy");
            using var p = new UpProject("images-policy");
            var tags = new Dictionary<string, string> { ["unset"] = "u", ["missing"] = "m", ["missinglatest"] = "latest", ["ifnotpresent"] = "i", ["never"] = "n", ["daily"] = "d", ["build"] = "b" };
            p.Write("Dockerfile", "FROM " + UpProject.Busybox + "\n");
            p.WriteCompose("services:\n" +
                $"  unset: {{image: \"{content.Ref("u")}\"}}\n" +
                $"  missing: {{image: \"{content.Ref("m")}\", pull_policy: missing}}\n" +
                $"  missinglatest: {{image: \"{content.Repository}\", pull_policy: missing}}\n" +
                $"  ifnotpresent: {{image: \"{content.Ref("i")}\", pull_policy: if_not_present}}\n" +
                $"  never: {{image: \"{content.Ref("n")}\", pull_policy: never}}\n" +
                $"  daily: {{image: \"{content.Ref("d")}\", pull_policy: daily}}\n" +
                $"  build: {{image: \"{content.Ref("b")}\", pull_policy: build, build: .}}\n");
            foreach (string tag in tags.Values) content.Push(tag, content.B);

            foreach (string tag in tags.Values) content.SetLocal(tag, content.A);
            p.Compose("pull").Check();
            List<string> referencePulled = tags.Where(t => content.LocalId(t.Value) == content.B).Select(t => t.Key).OrderBy(s => s).ToList();

            foreach (string tag in tags.Values) content.SetLocal(tag, content.A);
            RunResult r = PowerShellRunner.Run("Request-ComposeImage -Path $dir -ProjectName $p",
                new Dictionary<string, object> { ["dir"] = p.Directory, ["p"] = p.Name }).AssertNoErrors();
            List<string> oursPulled = tags.Where(t => content.LocalId(t.Value) == content.B).Select(t => t.Key).OrderBy(s => s).ToList();

            Assert.Equal(new[] { "daily", "missinglatest", "unset" }, referencePulled);
            Assert.Equal(referencePulled, oursPulled);
            Assert.Equal(oursPulled, r.Output.Where(o => (string)o.Properties["Action"].Value == "Pulled")
                .Select(o => (string)o.Properties["Service"].Value).OrderBy(s => s));
        }

        [EngineFact]
        public void UpPull_AlwaysMissingNever_RunTheImageComposeUpRuns()
        {
            using var content = new RegistryContent("images-uppull");
            using var ours = AppOf(content, "images-uppull");
            using var reference = AppOf(content, "images-uppullref");
            content.Push("v1", content.B);
            foreach (string policy in new[] { "never", "missing", "always" })
            {
                content.SetLocal("v1", content.A);
                ours.PsUp("-Pull " + policy).AssertNoErrors();
                content.SetLocal("v1", content.A);
                reference.Compose("up", "-d", "--pull", policy).Check();
                Assert.True(ImageOf(reference) == ImageOf(ours), $"-Pull {policy}: reference runs {ImageOf(reference)}, ours {ImageOf(ours)}");
            }
            Assert.Equal(content.B, ImageOf(ours));

            // Absent locally: missing pulls, never fails in both.
            Docker.Run("rmi", content.Ref("v1")).Check();
            ours.PsUp("-Pull missing -ForceRecreate").AssertNoErrors();
            Assert.Equal(content.B, ImageOf(ours));
            Docker.Run("rmi", "-f", content.Ref("v1")).Check();
            Assert.NotEqual(0, reference.Compose("up", "-d", "--pull", "never", "--force-recreate").ExitCode);
            RunResult never = ours.PsUp("-Pull never -ForceRecreate");
            Assert.NotEmpty(never.Errors);
        }

        /// <summary>A project whose one service, app, runs the content's v1 tag.</summary>
        private static UpProject AppOf(RegistryContent content, string prefix) =>
            new UpProject(prefix).WriteCompose($"services:\n  app:\n    image: {content.Ref("v1")}\n    command: {UpProject.Sleeper}\n");

        private static string ImageOf(UpProject p) => UpProject.Inspect(p.Name + "-app-1").GetProperty("Image").GetString();
    }
}
