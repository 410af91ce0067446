using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.ModuleTests.Stack
{
    /// <summary>Publish-/Get-/Remove-ComposeStack against docker stack deploy/ls/ps/rm on a single-node swarm.</summary>
    public class StackEngineTests : IClassFixture<SwarmFixture>
    {
        private readonly SwarmFixture swarm;

        public StackEngineTests(SwarmFixture swarm) => this.swarm = swarm;

        private static string StackFile(int replicas, string greeting, int ingressPort, int hostPort) =>
            "services:\n" +
            "  web:\n" +
            "    image: pscompose/busybox:latest\n" +
            "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]\n" +
            $"    environment:\n      GREETING: {greeting}\n" +
            "    ports: [\"" + ingressPort + ":8080\"]\n" +
            "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 1s\n      timeout: 1s\n      retries: 3\n" +
            "    secrets: [pw]\n" +
            "    configs: [conf]\n" +
            "    networks: [front]\n" +
            $"    deploy:\n      replicas: {replicas}\n      labels: {{tier: web}}\n      update_config: {{parallelism: 2, delay: 1s}}\n" +
            "  edge:\n" +
            "    image: pscompose/busybox:latest\n" +
            "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]\n" +
            "    ports: [{target: 80, published: " + hostPort + ", mode: host}]\n" +
            "    deploy: {mode: global}\n" +
            "networks:\n  front:\n    labels: {net: front}\n" +
            "secrets:\n  pw:\n    file: ./pw.txt\n" +
            "configs:\n  conf:\n    file: ./app.conf\n";

        private static JsonElement Spec(string service) =>
            JsonDocument.Parse(Docker.Run("service", "inspect", service, "--format", "{{json .Spec}}").Check().Stdout).RootElement;

        /// <summary>The fields docker stack deploy and Publish-ComposeStack must agree on, with the stack name taken out.</summary>
        private static string Comparable(string stack, string service)
        {
            JsonElement s = Spec(stack + "_" + service);
            JsonElement c = s.GetProperty("TaskTemplate").GetProperty("ContainerSpec");
            var labels = s.GetProperty("Labels").EnumerateObject().Where(l => !l.Name.StartsWith("com.pscompose.", StringComparison.Ordinal))
                .Select(l => l.Name + "=" + l.Value.GetString()).OrderBy(l => l, StringComparer.Ordinal);
            string Get(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) ? v.GetRawText() : "-";
            return string.Join("\n", new[]
            {
                "labels " + string.Join(",", labels),
                "image " + Get(c, "Image"), "args " + Get(c, "Args"), "env " + Get(c, "Env"), "clabels " + Get(c, "Labels"),
                "health " + Get(c, "Healthcheck"), "mode " + Get(s, "Mode"), "ports " + Get(s.GetProperty("EndpointSpec"), "Ports"),
                "update " + Get(s, "UpdateConfig"),
                "secrets " + string.Join(",", c.TryGetProperty("Secrets", out var sec) ? sec.EnumerateArray().Select(x => x.GetProperty("File").GetRawText()) : new string[0]),
                "configs " + string.Join(",", c.TryGetProperty("Configs", out var cfg) ? cfg.EnumerateArray().Select(x => x.GetProperty("File").GetRawText()) : new string[0]),
                "aliases " + string.Join(",", s.GetProperty("TaskTemplate").GetProperty("Networks").EnumerateArray().Select(n => Get(n, "Aliases"))),
            }).Replace(stack, "STACK");
        }

        private static System.Collections.Generic.IEnumerable<PSObject> Of(RunResult r, string type) =>
            r.Output.Where(o => o.BaseObject.GetType().FullName == "PSCompose." + type);

        private static string P(PSObject o, string name) => Convert.ToString(o.Properties[name].Value, System.Globalization.CultureInfo.InvariantCulture);

        [EngineFact]
        public void Deploy_Update_Remove_RoundTrip_AgreesWithDockerStack()
        {
            string ours = swarm.NewStack(), theirs = swarm.NewStack();
            string dir = SwarmFixture.Directory(StackFile(2, "hello", 18181, 18182), ("pw.txt", "one"), ("app.conf", "listen=1"));
            string theirDir = SwarmFixture.Directory(StackFile(2, "hello", 18183, 18184), ("pw.txt", "one"), ("app.conf", "listen=1"));

            RunResult deploy = PowerShellRunner.Run($"Publish-ComposeStack -File stack.yaml -Name {ours} -Wait -Timeout 120 -ResolveImage Never", location: dir).AssertNoErrors();
            Docker.RunIn(theirDir, null, "stack", "deploy", "-c", "stack.yaml", "--resolve-image", "never", theirs).Check();

            // -Wait returned only once both replicas of web run healthy and edge runs on the node.
            Assert.Equal("2/2", Docker.Run("service", "ls", "--filter", "name=" + ours + "_web", "--format", "{{.Replicas}}").Check().Stdout.Trim());
            Assert.Equal("1/1", Docker.Run("service", "ls", "--filter", "name=" + ours + "_edge", "--format", "{{.Replicas}}").Check().Stdout.Trim());
            Assert.Contains(deploy.Progress, p => p.RecordType == System.Management.Automation.ProgressRecordType.Completed);

            // docker stack ls / services / ps see it, with the same names docker stack deploy gives.
            Assert.Contains(ours + " ", Docker.Run("stack", "ls").Check().Stdout);
            Assert.Equal(new[] { ours + "_edge", ours + "_web" }, Docker.Run("stack", "services", ours, "--format", "{{.Name}}").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(n => n));
            Assert.Equal(3, Docker.Run("stack", "ps", ours, "--filter", "desired-state=running", "--format", "{{.Name}}").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(SwarmFixture.Labelled("network", theirs).Select(n => n.Replace(theirs, "S")), SwarmFixture.Labelled("network", ours).Select(n => n.Replace(ours, "S")));
            foreach (string service in new[] { "web", "edge" })
                Assert.Equal(Comparable(theirs, service).Replace("1818" + (service == "web" ? "3" : "4"), "PORT"), Comparable(ours, service).Replace("1818" + (service == "web" ? "1" : "2"), "PORT"));
            // Get-ComposeStack lists both stacks (ours and docker's) as docker stack ls/services/ps do.
            RunResult get = PowerShellRunner.Run(
                $"Get-ComposeStack | Where-Object Name -in '{ours}','{theirs}'; Get-ComposeStack {ours} -Service; Get-ComposeStack {theirs} -Task | Where-Object DesiredState -eq running").AssertNoErrors();
            Assert.Equal(new[] { (ours, 2), (theirs, 2) }.OrderBy(x => x.Item1),
                Of(get, "ComposeStack").Select(x => (P(x, "Name"), int.Parse(P(x, "Services")))).OrderBy(x => x.Item1));
            Assert.Equal(
                Docker.Run("stack", "services", ours, "--format", "{{.Name}} {{.Mode}} {{.Replicas}}").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(l => l),
                Of(get, "ComposeStackService").Select(x => $"{P(x, "Name")} {P(x, "Mode")} {P(x, "Running")}/{P(x, "Desired")}").OrderBy(l => l));
            Assert.Equal(
                Docker.Run("stack", "ps", theirs, "--filter", "desired-state=running", "--format", "{{.Name}}").Check().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(n => n.Contains('.') && n.Split('.')[1].Length > 3 ? n.Split('.')[0] + ".NODE" : n).OrderBy(l => l),
                Of(get, "ComposeStackTask").Select(t => P(t, "Name").Split('.')[1].Length > 3 ? P(t, "Service") + ".NODE" : P(t, "Name")).OrderBy(l => l));

            string firstSecret = Assert.Single(SwarmFixture.Labelled("secret", ours));
            Assert.StartsWith(ours + "_pw-", firstSecret);

            // Update: replicas, environment and the secret's content; the secret rolls and the old one goes.
            System.IO.File.WriteAllText(System.IO.Path.Combine(dir, "stack.yaml"), StackFile(1, "changed", 18181, 18182));
            System.IO.File.WriteAllText(System.IO.Path.Combine(dir, "pw.txt"), "two");
            string edgeVersion = Docker.Run("service", "inspect", ours + "_edge", "--format", "{{.Version.Index}}").Check().Stdout.Trim();
            PowerShellRunner.Run($"Publish-ComposeStack -File stack.yaml -Name {ours} -Wait -Timeout 120 -ResolveImage Never", location: dir).AssertNoErrors();
            JsonElement web = Spec(ours + "_web");
            Assert.Equal(1, web.GetProperty("Mode").GetProperty("Replicated").GetProperty("Replicas").GetInt32());
            Assert.Contains("\"GREETING=changed\"", web.GetProperty("TaskTemplate").GetProperty("ContainerSpec").GetProperty("Env").GetRawText());
            string newSecret = Assert.Single(SwarmFixture.Labelled("secret", ours));
            Assert.NotEqual(firstSecret, newSecret);
            Assert.Equal(newSecret, web.GetProperty("TaskTemplate").GetProperty("ContainerSpec").GetProperty("Secrets")[0].GetProperty("SecretName").GetString());
            Assert.Equal(edgeVersion, Docker.Run("service", "inspect", ours + "_edge", "--format", "{{.Version.Index}}").Check().Stdout.Trim());

            // docker stack rm removes ours; Remove-ComposeStack removes theirs; nothing labelled is left.
            Docker.Run("stack", "rm", ours).Check();
            PowerShellRunner.Run($"Remove-ComposeStack -Name {theirs} -Wait").AssertNoErrors();
            foreach (string stack in new[] { ours, theirs })
                foreach (string kind in new[] { "service", "network", "secret", "config" })
                    Assert.Empty(SwarmFixture.Labelled(kind, stack));
        }

        [EngineFact]
        public void Wait_OnATaskThatKeepsFailing_NamesTheTaskAndItsError()
        {
            string stack = swarm.NewStack();
            string dir = SwarmFixture.Directory(
                "services:\n  bad:\n    image: pscompose/busybox:latest\n    command: [\"false\"]\n" +
                "    deploy:\n      restart_policy: {condition: on-failure, max_attempts: 1, delay: 1s}\n");
            RunResult r = PowerShellRunner.Run($"Publish-ComposeStack -File stack.yaml -Name {stack} -Wait -Timeout 120 -ResolveImage Never", location: dir);
            var error = Assert.Single(r.Errors);
            Assert.Equal("StackTaskFailed,PSCompose.Cmdlets.PublishComposeStackCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Matches($"^service {stack}_bad: task {stack}_bad\\.1 \\([0-9a-z]{{12}}\\) failed: task: non-zero exit \\(1\\)$", error.Exception.Message);
        }

        [EngineFact]
        public void Remove_OfAStackWithNothingInIt_WarnsLikeDockerStackRm()
        {
            string stack = swarm.NewStack();
            string theirs = Docker.Run("stack", "rm", stack).Stderr.Trim();
            RunResult r = PowerShellRunner.Run($"Remove-ComposeStack -Name {stack}").AssertNoErrors();
            Assert.Equal(theirs, Assert.Single(r.Warnings).Message);
        }
    }
}
