using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.ModuleTests.EngineLoss
{
    /// <summary>
    /// A TCP endpoint on 127.0.0.1 relaying to the shared engine's unix socket, so a test can make "the daemon"
    /// go away mid-operation (Kill: no more connections, open ones dropped) without touching the real dockerd.
    /// </summary>
    internal sealed class EngineProxy : IDisposable
    {
        private const string EngineSocket = "/var/run/docker.sock";
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly List<Socket> open = new List<Socket>();
        private int stopRequests;
        private bool killed;

        public EngineProxy()
        {
            listener.Start();
            Host = "tcp://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port;
            _ = AcceptAsync();
        }

        public string Host { get; }

        /// <summary>Container stop requests relayed so far (POST /containers/{id}/stop).</summary>
        public int StopRequests => Volatile.Read(ref stopRequests);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    Socket client = await listener.AcceptSocketAsync();
                    var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await engine.ConnectAsync(new UnixDomainSocketEndPoint(EngineSocket));
                    lock (open)
                    {
                        if (killed) { client.Dispose(); engine.Dispose(); return; }
                        open.Add(client);
                        open.Add(engine);
                    }
                    _ = PumpAsync(client, engine, count: true);
                    _ = PumpAsync(engine, client, count: false);
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
        }

        private async Task PumpAsync(Socket from, Socket to, bool count)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int n;
                while ((n = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                {
                    if (count && Encoding.ASCII.GetString(buffer, 0, n).Contains("/stop")) Interlocked.Increment(ref stopRequests);
                    await to.SendAsync(new ArraySegment<byte>(buffer, 0, n), SocketFlags.None);
                }
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
        }

        /// <summary>The daemon is gone: new connections are refused and open ones are reset.</summary>
        public void Kill()
        {
            listener.Stop();
            lock (open)
            {
                killed = true;
                foreach (Socket s in open)
                {
                    try { s.LingerState = new LingerOption(true, 0); } catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
                    s.Dispose();
                }
                open.Clear();
            }
        }

        public void Dispose() => Kill();
    }
}
