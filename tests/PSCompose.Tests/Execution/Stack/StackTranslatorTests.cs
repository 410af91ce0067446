using System.Linq;
using PSCompose.Engine;
using PSCompose.Execution.Stack;
using PSCompose.Model;
using PSCompose.Tests.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Execution.Stack
{
    /// <summary>The canonical project → Swarm objects, as docker/cli's convert package names and labels them.</summary>
    public class StackTranslatorTests
    {
        private const string File =
            "services:\n" +
            "  web:\n" +
            "    image: pscompose/busybox:latest\n" +
            "    command: [\"sleep\", \"600\"]\n" +
            "    environment:\n      B: ${GREETING}\n      A: one\n" +
            "    depends_on: [db]\n" +
            "    secrets: [pw, {source: pw, target: /etc/pw, mode: 0400}]\n" +
            "    configs: [conf]\n" +
            "    extra_hosts: [\"somehost=10.0.0.1\"]\n" +
            "    ports: [\"8080:80\", {target: 81, published: 8081, mode: host}]\n" +
            "    deploy:\n      replicas: 3\n      labels: {svc: web}\n" +
            "  db:\n" +
            "    image: pscompose/busybox:latest\n" +
            "    networks: [back]\n" +
            "    restart: on-failure:4\n" +
            "    container_name: fixed\n" +
            "networks:\n  back:\n    labels: {net: b}\n" +
            "secrets:\n  pw:\n    file: ./pw.txt\n" +
            "configs:\n  conf:\n    content: listen\n";

        private static (StackPlan Plan, TempProject Project) Translate(string pw = "s3cret")
        {
            var project = new TempProject();
            project.Write("compose.yaml", File);
            project.Write("pw.txt", pw);
            project.Write(".env", "GREETING=hello\n");
            ProjectModel model = project.Load(o => o.ProjectName = "shop");
            return (StackTranslator.Translate(model.Typed, "shop"), project);
        }

        [Fact]
        public void Names_Labels_AndDefaults_AreDockerStackDeploys()
        {
            var (plan, project) = Translate();
            using (project)
            {
                SwarmServiceSpec web = plan.Services.Single(s => s.Name == "shop_web");
                Assert.Equal("shop", web.Labels["com.docker.stack.namespace"]);
                Assert.Equal("pscompose/busybox:latest", web.Labels["com.docker.stack.image"]);
                Assert.Equal("web", web.Labels["svc"]);
                Assert.Equal("shop", web.Container.Labels["com.docker.stack.namespace"]);
                Assert.Equal(3UL, web.Replicas);
                Assert.Equal(new[] { "sleep", "600" }, web.Container.Args);
                Assert.Null(web.Container.Command);
                Assert.Equal(new[] { "A=one", "B=hello" }, web.Container.Env);
                Assert.Equal(new[] { "10.0.0.1 somehost" }, web.Container.Hosts);
                SwarmNetworkAttachment net = Assert.Single(web.Networks);
                Assert.Equal("shop_default", net.Target);
                Assert.Equal(new[] { "web" }, net.Aliases);
                Assert.Equal(new[] { ("ingress", 80u, 8080u), ("host", 81u, 8081u) },
                    web.Ports.Select(p => (p.PublishMode, p.TargetPort, p.PublishedPort.Value)));
                Assert.Equal(new[] { ("pw", 292u), ("/etc/pw", 256u) }, web.Container.Secrets.Select(s => (s.Target, s.Mode)));
                Assert.Equal("conf", Assert.Single(web.Container.Configs).Target);

                SwarmServiceSpec db = plan.Services.Single(s => s.Name == "shop_db");
                Assert.Equal(("on-failure", (ulong?)4), (db.RestartPolicy.Condition, db.RestartPolicy.MaxAttempts));
                Assert.Equal(1UL, db.Replicas);
                Assert.Equal(new[] { "shop_back", "shop_default" }, plan.Networks.Select(n => n.Name));
                Assert.All(plan.Networks, n => Assert.Equal(("overlay", "shop"), (n.Driver, n.Labels["com.docker.stack.namespace"])));
                Assert.Equal("b", plan.Networks[0].Labels["net"]);
            }
        }

        [Fact]
        public void SecretName_CarriesTheContentHash_SoNewContentRollsIt()
        {
            var (first, p1) = Translate("one");
            var (same, p2) = Translate("one");
            var (changed, p3) = Translate("two");
            using (p1) using (p2) using (p3)
            {
                string name = Assert.Single(first.Secrets).Name;
                Assert.Matches("^shop_pw-[0-9a-f]{10}$", name);
                Assert.Equal(name, Assert.Single(same.Secrets).Name);
                Assert.NotEqual(name, Assert.Single(changed.Secrets).Name);
                Assert.Equal(name, first.Services.Single(s => s.Name == "shop_web").Container.Secrets[0].Name);
                Assert.Equal("shop", first.Secrets[0].Labels["com.docker.stack.namespace"]);
                Assert.Equal(first.Services[0].Labels[StackLabels.SpecHash], same.Services[0].Labels[StackLabels.SpecHash]);
                Assert.NotEqual(first.Services.Single(s => s.Name == "shop_web").Labels[StackLabels.SpecHash],
                    changed.Services.Single(s => s.Name == "shop_web").Labels[StackLabels.SpecHash]);
            }
        }

        [Fact]
        public void EachKeySwarmCannotHonour_WarnsOnce_WithFileAndLine()
        {
            var (plan, project) = Translate();
            using (project)
            {
                string file = System.IO.Path.Combine(project.Root, "compose.yaml");
                Assert.Equal(new[]
                {
                    $"{file}:8: services.web.depends_on is ignored by Swarm: Swarm starts services independently (no start order or conditions)",
                    $"{file}:20: services.db.container_name is ignored by Swarm: Swarm names the tasks' containers",
                }, plan.Warnings.Select(w => w.ToString()));
            }
        }

        [Fact]
        public void PortWithAHostIp_WarnsOncePerEntryAsWritten_AndIsStillPublished()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml",
                    "services:\n" +
                    "  web:\n" +
                    "    image: pscompose/busybox:latest\n" +
                    "    ports:\n" +
                    "      - \"0.0.0.0:9000:90\"\n" +
                    "      - \"127.0.0.1:8000:5000\"\n" +
                    "      - \"127.0.0.1:7000-7001:7000-7001\"\n" +
                    "      - target: 81\n" +
                    "        host_ip: \"::1\"\n" +
                    "        published: 8081\n");
                StackPlan plan = StackTranslator.Translate(project.Load(o => o.ProjectName = "shop").Typed, "shop");
                string file = System.IO.Path.Combine(project.Root, "compose.yaml");
                Assert.Equal(new[]
                {
                    $"{file}:6: services.web.ports[1] host IP 127.0.0.1 is ignored by Swarm: Swarm publishes the port on all addresses (0.0.0.0)",
                    $"{file}:7: services.web.ports[2] host IP 127.0.0.1 is ignored by Swarm: Swarm publishes the port on all addresses (0.0.0.0)",
                    $"{file}:8: services.web.ports[3] host IP ::1 is ignored by Swarm: Swarm publishes the port on all addresses (0.0.0.0)",
                }, plan.Warnings.Select(w => w.ToString()));
                Assert.Equal(new[] { (90u, 9000u), (5000u, 8000u), (7000u, 7000u), (7001u, 7001u), (81u, 8081u) },
                    plan.Services[0].Ports.Select(p => (p.TargetPort, p.PublishedPort.Value)));
            }
        }

        [Fact]
        public void JobModes_AreSwarmModes_AndAnUnknownModeStillWarns()
        {
            using (var project = new TempProject())
            {
                project.Write("compose.yaml",
                    "services:\n" +
                    "  once:\n    image: pscompose/busybox:latest\n    deploy: {mode: replicated-job, replicas: 3}\n" +
                    "  each:\n    image: pscompose/busybox:latest\n    deploy: {mode: global-job}\n" +
                    "  odd:\n    image: pscompose/busybox:latest\n    deploy: {mode: daemonset}\n");
                StackPlan plan = StackTranslator.Translate(project.Load(o => o.ProjectName = "shop").Typed, "shop");
                Assert.Equal(new[] { ("shop_once", "replicated-job", (ulong?)3), ("shop_each", "global-job", (ulong?)null), ("shop_odd", "replicated", (ulong?)1) },
                    plan.Services.Select(s => (s.Name, s.Mode, s.Replicas)));
                StackWarning warning = Assert.Single(plan.Warnings);
                Assert.Equal(("odd", "deploy", 10), (warning.Service, warning.Key, warning.Line));
            }
        }
    }
}
