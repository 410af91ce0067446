using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Handler.Abstractions;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        /// <summary>
        /// Adds the API fields Docker.DotNet.Enhanced's models (generated from API 1.54) no longer have to the JSON
        /// of one container create. Today that is Config.MacAddress, the only place an engine older than API 1.44
        /// takes a MAC address, and where Compose sends it. The value travels with the async flow of the create
        /// call, so only that request is touched.
        /// </summary>
        private sealed class LegacyCreateFields : DelegatingHandler
        {
            private static readonly AsyncLocal<string> MacAddress = new AsyncLocal<string>();

            public LegacyCreateFields(HttpMessageHandler inner) : base(inner) { }

            /// <summary>Runs the create with Config.MacAddress set to the address (nothing is added when it is null).</summary>
            public static async Task<T> WithMacAddress<T>(string macAddress, Func<Task<T>> create)
            {
                MacAddress.Value = macAddress;
                try { return await create().ConfigureAwait(false); }
                finally { MacAddress.Value = null; }
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string mac = MacAddress.Value;
                if (mac != null && request.Method == HttpMethod.Post && request.Content != null &&
                    request.RequestUri.AbsolutePath.EndsWith("/containers/create", StringComparison.Ordinal))
                {
                    JsonObject body = JsonNode.Parse(await request.Content.ReadAsStringAsync().ConfigureAwait(false)).AsObject();
                    body["MacAddress"] = mac;
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                }
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The library's only hook into the HTTP pipeline of every transport: the auth provider wraps the transport's
        /// handler. This one keeps the real provider (TLS or none) innermost, Exchange.AnswerWatch around it, and
        /// LegacyCreateFields outermost.
        /// </summary>
        private sealed class PipelineHooks : IAuthProvider
        {
            private readonly IAuthProvider inner;

            public PipelineHooks(IAuthProvider inner)
            {
                this.inner = inner;
            }

            public bool TlsEnabled => inner.TlsEnabled;

            public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler) =>
                new LegacyCreateFields(new Exchange.AnswerWatch(inner.ConfigureHandler(handler)));
        }
    }
}
