using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PSCompose.ModuleTests.Lifecycle
{
    /// <summary>
    /// The engine's HTTP API on its unix socket, for states the docker CLI refuses to create (two networks of the same
    /// name: the CLI always asks for CheckDuplicate, which API 1.41 engines honour only when asked).
    /// </summary>
    internal static class RawEngineApi
    {
        private static string SocketPath
        {
            get
            {
                string host = Environment.GetEnvironmentVariable("DOCKER_HOST");
                return host != null && host.StartsWith("unix://", StringComparison.Ordinal) ? host.Substring("unix://".Length) : "/var/run/docker.sock";
            }
        }

        /// <summary>Creates a network without the duplicate-name check; returns its id.</summary>
        public static string CreateNetworkAllowingDuplicates(string name, params (string Key, string Value)[] labels)
        {
            var labelMap = new System.Collections.Generic.Dictionary<string, string>();
            foreach (var (key, value) in labels) labelMap[key] = value;
            string body = JsonSerializer.Serialize(new { Name = name, CheckDuplicate = false, Labels = labelMap });
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var client = new HttpClient(handler);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            HttpResponseMessage response = client.PostAsync("http://docker/v1.41/networks/create", content).GetAwaiter().GetResult();
            string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"network create {name}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.GetProperty("Id").GetString();
        }
    }
}
