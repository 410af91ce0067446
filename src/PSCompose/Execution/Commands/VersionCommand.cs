using System;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution.Commands
{
    internal sealed class VersionRequest
    {
        /// <summary>Where the engine is (DOCKER_HOST / DOCKER_CONTEXT), known without connecting.</summary>
        public EngineEndpoint Endpoint { get; set; }
    }

    /// <summary>
    /// docker compose version, with the engine: the module version, the Compose version it reproduces, and the engine it
    /// talks to. An engine that cannot be reached is a warning, not a failure: the rest is still returned.
    /// </summary>
    internal static class VersionCommand
    {
        /// <summary><paramref name="connect"/> connects to the engine (the one command that reports an unreachable engine itself).</summary>
        public static async Task RunAsync(Func<CancellationToken, Task<IEngineClient>> connect, VersionRequest request,
            ICommandSink<ComposeVersionInfo> sink, CancellationToken ct)
        {
            var info = new ComposeVersionInfo
            {
                ModuleVersion = typeof(VersionCommand).Assembly.GetName().Version.ToString(3),
                ComposeVersion = ComposeLabels.ComposeVersion,
                Endpoint = request.Endpoint.ToString(),
                EndpointSource = request.Endpoint.Source,
            };
            try
            {
                IEngineClient engine = await connect(ct).ConfigureAwait(false);
                EngineVersion version = await engine.GetVersionAsync(ct).ConfigureAwait(false);
                info.EngineVersion = version.Version;
                info.EngineApiVersion = version.ApiVersion;
                info.ApiVersion = engine.ApiVersion;
                info.Os = version.Os;
                info.Arch = version.Arch;
            }
            catch (EngineUnavailableException e)
            {
                sink.Warning(e.Message);
            }
            sink.Write(info);
        }
    }
}
