using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Execution.Commands;
using PSCompose.Plan;
using PSCompose.Testing;
using Xunit;
using static PSCompose.Tests.Engine.EngineTestSupport;
using Cli = PSCompose.Testing.Docker;

namespace PSCompose.Tests.Execution
{
    /// <summary>
    /// The command entry points against the real engine, without a cmdlet: a dry run changes nothing even when the sink
    /// says yes to every question (so no front end can make a dry run act), and the same request without it does act.
    /// </summary>
    public sealed class CommandEntryPointEngineTests : IDisposable
    {
        private const string Sleeper = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]";

        private readonly string project = Unique("psc-entry");
        private readonly string dir;
        private readonly DockerEngineClient engine = Connect();

        public CommandEntryPointEngineTests()
        {
            dir = Path.Combine(Path.GetTempPath(), project);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "compose.yaml"),
                "services:\n" +
                $"  db:\n    image: {Busybox}\n    command: {Sleeper}\n    volumes: [data:/data]\n" +
                $"  web:\n    image: {Busybox}\n    command: {Sleeper}\n    depends_on: [db]\n" +
                "volumes:\n  data: {}\n");
            Compose("up", "-d").Check();
        }

        private Cli.Result Compose(params string[] args) =>
            Cli.RunIn(dir, null, new[] { "compose", "-p", project }.Concat(args).ToArray());

        /// <summary>What the engine holds for the project: each container's id, state and start time, its networks and volumes.</summary>
        private string[] EngineState()
        {
            string[] containers = Cli.Run("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project).Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            IEnumerable<string> described = containers.Select(id => Cli.Run("inspect", "--format", "{{.Name}} {{.Id}} {{.State.Status}} {{.State.StartedAt}}", id.Trim())
                .Check().Stdout.Trim());
            IEnumerable<string> networks = Cli.Run("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project).Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => "network " + n.Trim());
            IEnumerable<string> volumes = Cli.Run("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project).Check().Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(v => "volume " + v.Trim());
            return described.Concat(networks).Concat(volumes).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        }

        private ResolvedProject Project() =>
            ProjectResolver.Resolve(new ProjectSource { WorkingDirectory = dir, ProjectName = project }, null, _ => { }, _ => { });

        private static void Run<T>(Func<ICommandSink<T>, Task> entry, YesSink<T> sink)
        {
            entry(sink).GetAwaiter().GetResult();
            Assert.True(sink.Errors.IsEmpty, string.Join("; ", sink.Errors));
        }

        [EngineFact]
        public void DryRun_ChangesNothing_ThoughTheSinkSaysYes_AndShowsThePlan()
        {
            string[] before = EngineState();
            Assert.Equal(4, before.Length); // db, web, the default network, the data volume
            var services = new YesSink<ComposeService>();
            var containers = new YesSink<ComposeContainer>();
            CancellationToken ct = CancellationToken.None;

            Run(s => LifecycleCommands.StopAsync(engine, new StopRequest { Project = Project(), DryRun = true, PassThru = true }, s, ct), services);
            Run(s => LifecycleCommands.KillAsync(engine, new KillRequest { Project = Project(), DryRun = true }, s, ct), services);
            Run(s => LifecycleCommands.RestartAsync(engine, new RestartRequest { Project = Project(), DryRun = true }, s, ct), services);
            Run(s => LifecycleCommands.PauseAsync(engine, new PauseRequest { Project = Project(), DryRun = true }, s, ct), services);
            Run(s => LifecycleCommands.RemoveAsync(engine, new RemoveRequest { Project = Project(), DryRun = true, Stop = true, PassThru = true }, s, ct), containers);
            Run(s => DownCommand.RunAsync(engine, new DownRequest { Project = Project(), DryRun = true, Volumes = true, Images = RemoveImages.All }, s, ct), containers);

            Assert.Equal(before, EngineState());
            Assert.Empty(services.Results);
            Assert.Empty(containers.Results);
            Assert.Contains(services.Asked, a => a.StartsWith("Stop with the plan:", StringComparison.Ordinal) && a.Contains("service:web:1 StopContainer"));
            Assert.Contains(containers.Asked, a => a.StartsWith("Take down with the plan:", StringComparison.Ordinal) && a.Contains("RemoveVolume"));
        }

        [EngineFact]
        public void TheSameRequest_WithoutDryRun_Acts_AndReturnsWhatItChanged()
        {
            var sink = new YesSink<ComposeService>();
            Run(s => LifecycleCommands.StopAsync(engine, new StopRequest { Project = Project(), Services = new[] { "web" }, PassThru = true, Timeout = TimeSpan.Zero },
                s, CancellationToken.None), sink);
            Assert.Equal("exited", Inspect("container", project + "-web-1").GetProperty("State").GetProperty("Status").GetString());
            Assert.Equal("running", Inspect("container", project + "-db-1").GetProperty("State").GetProperty("Status").GetString());
            ComposeService web = Assert.Single(sink.Results);
            Assert.Equal("web", web.Name);
            Assert.Equal("exited(1)", web.State);
            Assert.Contains(sink.Events, e => e.Operation.Kind == OperationKind.StopContainer && e.Status == OperationStatus.Done);
        }

        public void Dispose()
        {
            Quietly(() => Compose("down", "-v", "-t", "0"));
            Quietly(() => Directory.Delete(dir, true));
            engine.Dispose();
        }

        /// <summary>A front end that answers yes to everything and records what it was told.</summary>
        private sealed class YesSink<T> : ICommandSink<T>
        {
            public ConcurrentQueue<T> Results { get; } = new ConcurrentQueue<T>();

            public ConcurrentQueue<string> Asked { get; } = new ConcurrentQueue<string>();

            public ConcurrentQueue<Exception> Errors { get; } = new ConcurrentQueue<Exception>();

            public ConcurrentQueue<ExecutionEvent> Events { get; } = new ConcurrentQueue<ExecutionEvent>();

            public void Write(T result) => Results.Enqueue(result);

            public void Warning(string message) { }

            public void Verbose(string message) { }

            public void Error(Exception error, object target = null) => Errors.Enqueue(error);

            public void PlanEvent(string activity, ExecutionEvent e) => Events.Enqueue(e);

            public void PlanDone(string activity) { }

            public void Progress(CommandProgress progress) { }

            public Task<bool> ShouldProcessAsync(string target, string action, CancellationToken ct)
            {
                Asked.Enqueue(action);
                return Task.FromResult(true);
            }

            public Task<bool> ShouldContinueAsync(string query, string caption, CancellationToken ct) => Task.FromResult(true);
        }
    }
}
