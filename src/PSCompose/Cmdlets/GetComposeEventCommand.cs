using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSCompose.Common;
using PSCompose.Engine;
using PSCompose.Execution;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Gets the engine events of the project's containers (docker compose events). Without -Follow it returns the
    /// past events up to -Until (default: now) and ends, like other Get- cmdlets; with -Follow it keeps streaming
    /// new events until Ctrl+C or -Until. Past events come from the engine's buffer, which holds the last 256
    /// events of the whole engine, so older ones are gone. Services are filtered as Compose does: by the service
    /// label, and not checked against a compose file when -ProjectName is given alone.
    /// </summary>
    /// <example>
    /// <code>Get-ComposeEvent -Since (Get-Date).AddMinutes(-5) -Until (Get-Date)</code>
    /// <para>Returns what happened to the containers of the project in the current directory in the last five minutes.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeEvent -ProjectName shop -Name web -Follow | Where-Object Action -eq die</code>
    /// <para>Streams the deaths of web's containers until Ctrl+C.</para>
    /// </example>
    /// <example>
    /// <code>Get-ComposeEvent -Since 10m | ConvertTo-Json -Compress</code>
    /// <para>The events of the last ten minutes as JSON lines with what docker compose events --json prints.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ComposeEvent")]
    [OutputType(typeof(ComposeEvent))]
    public sealed class GetComposeEventCommand : ComposeLifecycleCmdlet
    {
        /// <summary>Only the events of these services (exact names). Default all.</summary>
        [Parameter(Position = 0)]
        [Alias("Service", "ServiceName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ServiceNameCompleter))]
        public string[] Name { get; set; }

        /// <summary>Keep streaming new events until Ctrl+C or -Until.</summary>
        [Parameter]
        [Alias("Wait")]
        public SwitchParameter Follow { get; set; }

        /// <summary>
        /// Events from this moment on. Also takes Compose's forms: a duration ("10m", "1h30m": that long ago), a unix
        /// time, or a TimeSpan (that long ago).
        /// </summary>
        [Parameter]
        [EngineTimeTransformation]
        public DateTime Since { get; set; }

        /// <summary>Events up to this moment (same forms as -Since). Without -Follow the default is now.</summary>
        [Parameter]
        [EngineTimeTransformation]
        public DateTime Until { get; set; }

        protected override void ProcessCompose()
        {
            string[] names = PipedServices(Name);
            ProjectModel model = ResolveModel(names, out string project);
            if (model != null && names != null)
            {
                List<string> known = names.Where(model.Typed.Services.ContainsKey).ToList();
                foreach (string unknown in names.Except(known)) WriteServiceNotFound(project, unknown, false);
                if (known.Count == 0) return;
                names = known.ToArray();
            }
            var services = new HashSet<string>(names ?? new string[0]);
            EventQuery query = Query(project);
            if (query == null) return;
            IEngineClient client = Engine;
            Stream((queue, ct) => client.StreamEventsAsync(query, e =>
            {
                ComposeEvent shown = ProjectEvents.FromEngine(e, services);
                if (shown != null) queue.Post(() => WriteObject(shown));
            }, ct));
        }

        /// <summary>The engine query; null when there is nothing to ask (a -Since still ahead of the default -Until, now).</summary>
        private EventQuery Query(string project)
        {
            bool hasUntil = MyInvocation.BoundParameters.ContainsKey(nameof(Until));
            bool hasSince = MyInvocation.BoundParameters.ContainsKey(nameof(Since));
            DateTimeOffset? until = hasUntil ? EngineTime.FromDateTime(Until) : Follow ? (DateTimeOffset?)null : DateTimeOffset.Now;
            DateTimeOffset? since = hasSince ? EngineTime.FromDateTime(Since) : (DateTimeOffset?)null;
            if (since > until)
            {
                if (!hasUntil) return null;
                throw new ComposeException(ErrorIds.ParameterConflict, $"-Since ({since:o}) is after -Until ({until:o}).");
            }
            return new EventQuery
            {
                Filters = ProjectEvents.Filters(project),
                Since = since.HasValue ? EngineTime.ToQueryValue(since.Value) : null,
                Until = until.HasValue ? EngineTime.ToQueryValue(until.Value) : null,
            };
        }
    }
}
