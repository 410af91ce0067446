using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Common;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the log lines of a project's containers (docker compose logs) as ComposeLogRecord objects: service,
    /// container, replica number, stream (Stdout or Stderr, kept apart unlike Compose) and the engine's timestamp, so
    /// Sort-Object Timestamp orders lines across containers. The default view reads like Compose ("web-1  | line").
    /// -Follow keeps reading, follows restarts, recreates and scale-ups, and ends when every followed container has
    /// stopped — a container already stopped when it starts counts as done, where docker compose logs -f never ends
    /// (docker/compose#8715) — or at -Until, or on Ctrl+C. "web-1 exited with code 0" status lines go to the
    /// Information stream (tags PSCompose, Status and the service). Unlike Compose, a last line without a newline is
    /// shown, and a TTY container's lines lose their trailing carriage return.
    /// </summary>
    /// <example>
    /// <code>Receive-ComposeLog -Name web -Tail 5</code>
    /// <para>Shows the last five lines of each web container of the project in the current directory.</para>
    /// </example>
    /// <example>
    /// <code>Receive-ComposeLog -ProjectName shop -Follow</code>
    /// <para>Follows every container of project shop, from any folder, until they have all stopped or Ctrl+C.</para>
    /// </example>
    /// <example>
    /// <code>Receive-ComposeLog -Since 10m | Where-Object Stream -eq Stderr | Sort-Object Timestamp</code>
    /// <para>The standard-error lines of the last ten minutes, in the order they were written across containers.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeContainer -All | Where-Object ExitCode -ne 0 | Receive-ComposeLog -Tail 20</code>
    /// <para>The last lines of each container that failed; a piped container selects that container, one-offs included.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Receive, "ComposeLog")]
    [OutputType(typeof(ComposeLogRecord), typeof(string))]
    public sealed class ReceiveComposeLogCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Services whose containers to read; default all. Not checked when no compose file is loaded (-ProjectName alone), as Compose.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Containers to read by name, one-offs included; a piped ComposeContainer selects itself.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ContainerName { get; set; }

        /// <summary>Keep reading new lines, following restarted, recreated and added containers, until every followed container has stopped.</summary>
        [Parameter]
        [Alias("Wait")]
        public SwitchParameter Follow { get; set; }

        /// <summary>Lines per container from the end of its log; 0 for none. Default all.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Tail { get; set; }

        /// <summary>Only lines written since then: a DateTime, an RFC 3339 time, Unix seconds or a duration before now (42m, 1h30m, 2s).</summary>
        [Parameter]
        [ValidateNotNull]
        public object Since { get; set; }

        /// <summary>Only lines written before then, in the forms -Since accepts. With -Follow, reading ends then.</summary>
        [Parameter]
        [ValidateNotNull]
        public object Until { get; set; }

        /// <summary>Show the engine's timestamp after the prefix (every record carries it in Timestamp anyway).</summary>
        [Parameter]
        public SwitchParameter Timestamps { get; set; }

        /// <summary>Only this replica of the one service named.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Index { get; set; }

        /// <summary>Show the lines without the "web-1  | " prefix.</summary>
        [Parameter]
        public SwitchParameter NoLogPrefix { get; set; }

        /// <summary>Emit plain strings, Compose's text lines without colour, instead of records (faster).</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        private readonly List<Selection> selections = new List<Selection>();

        protected override void ProcessCompose()
        {
            string[] names = PipedServices(Name);
            string container = (InputObject?.BaseObject as ComposeContainer)?.Name;
            Selection selection = selections.FirstOrDefault(s => s.ProjectName == ProjectName);
            if (selection == null) selections.Add(selection = new Selection { ProjectName = ProjectName });
            if (container != null || ContainerName != null)
            {
                foreach (string c in container != null ? new[] { container } : ContainerName)
                    if (!selection.Containers.Contains(c)) selection.Containers.Add(c);
                return;
            }
            if (names == null) selection.All = true;
            else selection.Names.AddRange(names.Where(n => !selection.Names.Contains(n)));
        }

        protected override void EndCompose()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            string since = EngineValue(Since, "since", now);
            string until = EngineValue(Until, "until", now);
            var requests = new List<LogRequest>();
            foreach (Selection selection in selections)
            {
                ProjectName = selection.ProjectName;
                LogRequest request = Resolve(selection);
                if (request == null) continue;
                request.Follow = Follow;
                request.EngineTimestamps = !Raw || Timestamps;
                request.Tail = MyInvocation.BoundParameters.ContainsKey(nameof(Tail)) ? Tail.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all";
                request.Since = since;
                request.Until = until;
                if (until != null) request.UntilTime = DateTimeOffset.FromUnixTimeMilliseconds((long)(decimal.Parse(until, System.Globalization.CultureInfo.InvariantCulture) * 1000));
                requests.Add(request);
            }
            if (requests.Count == 0) return;
            if (Index > 0 && !CheckIndex(requests[0])) return;

            var presenter = new LogPresenter(!NoLogPrefix, Timestamps, Ci != null);
            var engine = Engine;
            Stream((queue, ct) =>
            {
                var sink = new PipelineLogSink(this, queue, presenter, Raw);
                return System.Threading.Tasks.Task.WhenAll(requests.Select(r => new LogStreams(engine, r, sink).RunAsync(ct)));
            });
        }

        /// <summary>The request for one project; null (after writing why) when nothing is to be read.</summary>
        private LogRequest Resolve(Selection selection)
        {
            var request = new LogRequest();
            if (selection.Containers.Count > 0 && !selection.All && selection.Names.Count == 0)
            {
                ResolveModel(null, out string containersProject);
                request.Project = containersProject;
                request.Containers = selection.Containers;
                return request;
            }
            IReadOnlyList<string> named = selection.All ? new string[0] : (IReadOnlyList<string>)selection.Names;
            ProjectModel model = ResolveModel(named, out string project);
            request.Project = project;
            if (model != null)
            {
                // With a file loaded, names must be its services (Compose: "no such service"); without one they are not checked.
                var known = new List<string>();
                foreach (string name in named)
                {
                    if (model.Typed.Services.ContainsKey(name)) known.Add(name);
                    else WriteServiceNotFound(project, name, false);
                }
                if (named.Count > 0 && known.Count == 0) return null;
                named = known;
                request.Unattached = model.Typed.Services.Values.Where(s => s.Attach == false).Select(s => s.Name).ToList();
            }
            if (Index > 0 && named.Count != 1)
                throw new ComposeException(ErrorIds.ParameterConflict, "--index requires one service to be selected", "Index");
            request.Services = named;
            request.Index = Index;
            return request;
        }

        /// <summary>-Index names a replica: Compose's error when the service has no such container.</summary>
        private bool CheckIndex(LogRequest request)
        {
            bool found = AwaitEngine((engine, ct) => request.ListAsync(engine, ct)).Count > 0;
            if (!found)
            {
                string service = request.Services.First();
                WriteComposeError(new ComposeException(ErrorIds.ServiceContainerNotFound,
                    $"service \"{service}\" is not running container #{Index}", service));
            }
            return found;
        }

        private static string EngineValue(object value, string parameter, DateTimeOffset now)
        {
            if (value == null) return null;
            object raw = value is PSObject pso ? pso.BaseObject : value;
            try
            {
                return EngineTime.ToEngineValue(raw, now);
            }
            catch (FormatException e)
            {
                throw new ComposeException(ErrorIds.TimeValueInvalid, $"invalid value for \"{parameter}\": {e.Message}", raw, e);
            }
        }

        private sealed class Selection
        {
            public string ProjectName { get; set; }

            public bool All { get; set; }

            public List<string> Names { get; } = new List<string>();

            public List<string> Containers { get; } = new List<string>();
        }
    }
}
