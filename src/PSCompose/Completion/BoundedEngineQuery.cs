using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;

namespace PSCompose.Completion
{
    /// <summary>
    /// Asks the engine for completion candidates within a fixed budget: Tab must not hang on a slow or unreachable
    /// engine. A late answer is not thrown away: it is cached under its key and offered by the next Tab.
    /// </summary>
    internal static class BoundedEngineQuery
    {
        public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

        private static readonly Dictionary<string, IReadOnlyList<EngineContainer>> Cache = new Dictionary<string, IReadOnlyList<EngineContainer>>();

        /// <summary>Containers carrying every label filter (stopped ones too); the cached answer, or null, when the engine is late or fails.</summary>
        public static IReadOnlyList<EngineContainer> Containers(params string[] labelFilters)
        {
            EngineEndpoint endpoint;
            try { endpoint = EngineEndpoint.Resolve(Environment.GetEnvironmentVariable, Environment.OSVersion.Platform == PlatformID.Win32NT); }
            catch (EngineEndpointException) { return null; } // a DOCKER_HOST that does not parse: nothing to ask
            string key = endpoint + "\n" + string.Join("\n", labelFilters);
            Task<IReadOnlyList<EngineContainer>> query = Task.Run(() => ListAsync(endpoint, labelFilters));
            query.ContinueWith(t => { lock (Cache) Cache[key] = t.Result; }, TaskContinuationOptions.OnlyOnRanToCompletion);
            try
            {
                if (query.Wait(Budget)) return query.Result;
            }
            catch (AggregateException) { /* unreachable engine: fall back to what is known */ }
            lock (Cache) return Cache.TryGetValue(key, out IReadOnlyList<EngineContainer> known) ? known : null;
        }

        private static async Task<IReadOnlyList<EngineContainer>> ListAsync(EngineEndpoint endpoint, string[] labelFilters)
        {
            // The late query is cut off too, so a hung engine does not keep connections open behind the prompt.
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                using (IEngineClient engine = await DockerEngineClient.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false))
                    return await engine.ListContainersAsync(labelFilters, true, timeout.Token).ConfigureAwait(false);
            }
        }
    }
}
