using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        public Task MonitorEventsAsync(IDictionary<string, IList<string>> filters, Action<EngineEvent> onEvent, CancellationToken ct) =>
            StreamEventsAsync(new EventQuery { Filters = filters }, onEvent, ct);

        public Task StreamEventsAsync(EventQuery query, Action<EngineEvent> onEvent, CancellationToken ct)
        {
            var parameters = new ContainerEventsParameters
            {
                Filters = (query.Filters ?? new Dictionary<string, IList<string>>()).ToDictionary(
                    kv => kv.Key,
                    kv => (IDictionary<string, bool>)kv.Value.ToDictionary(v => v, v => true)),
                Since = query.Since,
                Until = query.Until,
            };
            var progress = new InlineProgress<Message>(m => onEvent(new EngineEvent
            {
                Type = m.Type,
                Action = m.Action,
                ActorId = m.Actor?.ID,
                Attributes = m.Actor?.Attributes != null ? new Dictionary<string, string>(m.Actor.Attributes) : new Dictionary<string, string>(),
                TimeNano = m.TimeNano ?? (m.Time ?? 0) * 1000000000L,
            }));
            return Call(Endpoint, ct, () => client.System.MonitorEventsAsync(parameters, progress, ct));
        }

        /// <summary>IProgress that runs the callback on the reporting thread (Progress&lt;T&gt; would post and reorder).</summary>
        private sealed class InlineProgress<T> : IProgress<T>
        {
            private readonly Action<T> action;

            public InlineProgress(Action<T> action)
            {
                this.action = action;
            }

            public void Report(T value) => action(value);
        }
    }
}
