using System.Collections.Generic;

namespace PSCompose.Engine
{
    /// <summary>
    /// What GET /events asks for. Since replays the engine's buffered past events (the engine keeps the last 256)
    /// before following; with Until the engine ends the stream at that moment, without it the stream is endless.
    /// </summary>
    internal sealed class EventQuery
    {
        /// <summary>Filter type → values, e.g. label → [com.docker.compose.project=p], type → [container].</summary>
        public IDictionary<string, IList<string>> Filters { get; set; }

        /// <summary>The engine's query value (unix seconds with fraction; see Common/EngineTime), or null.</summary>
        public string Since { get; set; }

        public string Until { get; set; }
    }
}
