using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.Models;
using Docker.DotNet.X509;
using Version = System.Version;

namespace PSCompose.Engine
{
    /// <summary>IEngineClient over Docker.DotNet.Enhanced. Translates every library error into ours.</summary>
    internal sealed partial class DockerEngineClient : IEngineClient
    {
        /// <summary>The API version Docker.DotNet.Enhanced 4.3.3's models were generated from.</summary>
        internal static readonly Version ClientMaxApiVersion = new Version(1, 54);

        /// <summary>Oldest engine API PSCompose drives (Docker 20.10).</summary>
        internal static readonly Version ClientMinApiVersion = new Version(1, 41);

        private readonly DockerClient client;

        private DockerEngineClient(DockerClient client, EngineEndpoint endpoint, Version apiVersion)
        {
            this.client = client;
            Endpoint = endpoint;
            ApiVersion = apiVersion.ToString(2);
        }

        public EngineEndpoint Endpoint { get; }

        public string ApiVersion { get; }

        /// <summary>
        /// How long the first request (GET /version, which also negotiates the API version) may take before the
        /// endpoint is reported as hung. The docker CLI bounds its initial ping the same way; unlike the CLI,
        /// PSCompose needs the answer, so it fails instead of carrying on.
        /// </summary>
        internal static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Limit for one ordinary request once connected. Streams (pull, build, logs, events, attach) and the
        /// calls that wait on the engine (container wait, stop, restart) have no limit.
        /// </summary>
        internal static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

        /// <summary>
        /// Connects and negotiates the API version like the CLI: min(engine, client) unless DOCKER_API_VERSION says
        /// otherwise. Always asks the endpoint for its version first, so a hung endpoint or one that is not a Docker
        /// engine fails here with a clear error rather than in the middle of an operation.
        /// </summary>
        public static async Task<DockerEngineClient> ConnectAsync(EngineEndpoint endpoint, CancellationToken ct)
        {
            Version negotiated;
            VersionResponse version = await ProbeAsync(endpoint, ct).ConfigureAwait(false);
            if (endpoint.ApiVersionOverride != null)
            {
                if (!Version.TryParse(endpoint.ApiVersionOverride, out negotiated))
                    throw new EngineEndpointException($"DOCKER_API_VERSION '{endpoint.ApiVersionOverride}' is not a version like 1.45.");
            }
            else
            {
                Version engineMax = Version.Parse(version.APIVersion);
                negotiated = engineMax < ClientMaxApiVersion ? engineMax : ClientMaxApiVersion;
                if (negotiated < ClientMinApiVersion)
                    throw new EngineEndpointException(
                        $"The engine at {endpoint} speaks API {negotiated.ToString(2)}; PSCompose needs {ClientMinApiVersion.ToString(2)} or newer (Docker 20.10+).");
            }
            return new DockerEngineClient(Build(endpoint, negotiated), endpoint, negotiated);
        }

        /// <summary>Unversioned GET /version within ConnectTimeout; every Docker engine answers it with its API version.</summary>
        private static async Task<VersionResponse> ProbeAsync(EngineEndpoint endpoint, CancellationToken ct)
        {
            using (DockerClient probe = Build(endpoint, null))
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                limit.CancelAfter(ConnectTimeout);
                VersionResponse version;
                try
                {
                    version = await Call(endpoint, limit.Token, () => probe.System.GetVersionAsync(limit.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    throw EngineUnavailableException.TimedOut(endpoint.ToString(), "connect", ConnectTimeout, e);
                }
                catch (EngineException e)
                {
                    throw EngineUnavailableException.NotDockerApi(endpoint.ToString(),
                        $"GET /version answered HTTP {e.StatusCode} ({(System.Net.HttpStatusCode)e.StatusCode}), where a Docker engine answers with its version", e);
                }
                catch (System.Text.Json.JsonException e)
                {
                    throw EngineUnavailableException.NotDockerApi(endpoint.ToString(), "GET /version did not answer with the engine's version document", e);
                }
                if (string.IsNullOrEmpty(version?.APIVersion) || !Version.TryParse(version.APIVersion, out _))
                    throw EngineUnavailableException.NotDockerApi(endpoint.ToString(), "GET /version did not name an API version", null);
                return version;
            }
        }

        private static DockerClient Build(EngineEndpoint endpoint, Version apiVersion)
        {
            Uri uri = endpoint.Uri;
            var builder = new DockerClientBuilder(new DockerConfig());
            IAuthProvider auth = NoopAuthProvider.Instance;
            if (endpoint.UsesTls)
            {
                if (uri.Scheme == "tcp") uri = new UriBuilder(uri) { Scheme = "https" }.Uri;
                var certificates = DockerTlsCertificates.LoadFromDirectory(endpoint.TlsCertPath, endpoint.TlsVerify, "ca.pem", "cert.pem", "key.pem");
                auth = certificates.CreateCredentials();
            }
            builder = builder.WithAuthProvider(new PipelineHooks(auth)).WithEndpoint(uri);
            if (apiVersion != null) builder = builder.WithApiVersion(apiVersion);
            return builder.WithTimeout(RequestTimeout).Build();
        }

        public async Task<EngineVersion> GetVersionAsync(CancellationToken ct)
        {
            VersionResponse v = await Call(Endpoint, ct, () => client.System.GetVersionAsync(ct)).ConfigureAwait(false);
            return new EngineVersion
            {
                Version = v.Version,
                ApiVersion = v.APIVersion,
                MinApiVersion = v.MinAPIVersion,
                Os = v.Os,
                Arch = v.Arch,
            };
        }

        public async Task<IReadOnlyList<EngineContainer>> ListContainersAsync(IReadOnlyCollection<string> labelFilters, bool all, CancellationToken ct)
        {
            var parameters = new ContainersListParameters { All = all, Filters = LabelFilters(labelFilters) };
            IList<ContainerListResponse> list = await Call(Endpoint, ct, () => client.Containers.ListContainersAsync(parameters, ct)).ConfigureAwait(false);
            return list.Select(ToContainer).ToList();
        }

        private static EngineContainer ToContainer(ContainerListResponse c) => new EngineContainer
        {
            Id = c.ID,
            Name = (c.Names?.FirstOrDefault() ?? "").TrimStart('/'),
            Image = c.Image,
            ImageId = c.ImageID,
            Command = c.Command,
            State = c.State,
            Status = c.Status,
            Created = c.Created,
            Labels = c.Labels != null ? new Dictionary<string, string>(c.Labels) : new Dictionary<string, string>(),
            Ports = (c.Ports ?? new List<PortSummary>()).Select(p => new EnginePort
            {
                HostIp = p.IP,
                PrivatePort = p.PrivatePort,
                PublicPort = p.PublicPort == 0 ? (int?)null : p.PublicPort,
                Protocol = p.Type,
            }).ToList(),
            NetworkIds = (c.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
                .ToDictionary(kv => kv.Key, kv => kv.Value?.NetworkID),
            Mounts = (c.Mounts ?? new List<MountPoint>()).Select(m => new EngineMount
            {
                Type = m.Type,
                Name = string.IsNullOrEmpty(m.Name) ? null : m.Name,
                Source = m.Source,
                Destination = m.Destination,
                ReadWrite = m.RW,
                Driver = string.IsNullOrEmpty(m.Driver) ? null : m.Driver,
            }).ToList(),
        };

        private static IDictionary<string, IDictionary<string, bool>> LabelFilters(IReadOnlyCollection<string> labels)
        {
            var filters = new Dictionary<string, IDictionary<string, bool>>();
            if (labels != null && labels.Count > 0)
                filters["label"] = labels.ToDictionary(l => l, l => true);
            return filters;
        }

        /// <summary>
        /// Runs one engine call and maps the library's exceptions onto PSCompose's. A cancellation that ct did not
        /// ask for is the library's request timeout; a broken connection is an engine that cannot be reached, or, once
        /// the engine has answered, a lost exchange (<see cref="Exchange"/>).
        /// </summary>
        private static async Task<T> Call<T>(EngineEndpoint endpoint, CancellationToken ct, Func<Task<T>> call)
        {
            Exchange exchange = Exchange.Open();
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (DockerApiException e)
            {
                throw new EngineException((int)e.StatusCode, EngineMessage(e), e);
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw EngineUnavailableException.TimedOut(endpoint.ToString(), "request", RequestTimeout, e);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                throw exchange.Failure(endpoint, e);
            }
        }

        private static async Task Call(EngineEndpoint endpoint, CancellationToken ct, Func<Task> call)
        {
            await Call<bool>(endpoint, ct, async () => { await call().ConfigureAwait(false); return true; }).ConfigureAwait(false);
        }

        /// <summary>
        /// The OS's reason, with the socket path for unix endpoints. .NET reports a missing socket file as
        /// "Cannot assign requested address" (ENOENT maps to SocketError.AddressNotAvailable), so that case is
        /// checked on the file system to give connect(2)'s real errno text.
        /// </summary>
        private static string ConnectionFailureDetail(EngineEndpoint endpoint, Exception e)
        {
            Exception innermost = Innermost(e);
            if (!string.Equals(endpoint.Uri.Scheme, "unix", StringComparison.OrdinalIgnoreCase)) return innermost.Message;
            string path = endpoint.Uri.LocalPath;
            bool missing = !File.Exists(path) && !Directory.Exists(path);
            string reason = missing ? "No such file or directory" : innermost.Message;
            return $"connect to the socket {path}: {reason}";
        }

        private static Exception Innermost(Exception e)
        {
            while (true)
            {
                if (e is AggregateException ae && ae.InnerExceptions.Count > 0) e = ae.InnerExceptions[0];
                else if (e.InnerException != null) e = e.InnerException;
                else return e;
            }
        }

        private static string EngineMessage(DockerApiException e)
        {
            string body = e.ResponseBody ?? "";
            int at = body.IndexOf("\"message\":\"", StringComparison.Ordinal);
            if (at < 0) return string.IsNullOrWhiteSpace(body) ? e.Message : body.Trim();
            at += "\"message\":\"".Length;
            int end = body.LastIndexOf('"');
            string message = end > at ? body.Substring(at, end - at) : body;
            return System.Text.RegularExpressions.Regex.Unescape(message);
        }

        private static bool IsConnectionFailure(Exception e)
        {
            if (e is OperationCanceledException) return false;
            for (Exception x = e; x != null; x = x.InnerException)
            {
                if (x is SocketException || x is HttpRequestException || x is TimeoutException ||
                    x is IOException || x is DockerConfigurationException) return true;
                if (x is AggregateException ae && ae.InnerExceptions.Any(IsConnectionFailure)) return true;
            }
            return false;
        }

        public void Dispose() => client.Dispose();
    }
}
