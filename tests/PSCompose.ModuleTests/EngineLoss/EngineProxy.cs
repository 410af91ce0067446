using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.ModuleTests.EngineLoss
{
    /// <summary>
    /// A TCP endpoint on 127.0.0.1 relaying to the shared engine's unix socket, so a test can make "the daemon"
    /// go away mid-operation (Kill: no more connections, open ones dropped), or break one connection in the middle of
    /// the engine's answer (CutMidAnswer), without touching the real dockerd.
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
                    var connection = new Connection(client, engine);
                    _ = PumpAsync(client, engine, connection, requests: true);
                    _ = PumpAsync(engine, client, connection, requests: false);
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
        }

        /// <summary>One relayed connection: the request it carries now, and how much of the answer went back.</summary>
        private sealed class Connection
        {
            public Connection(Socket client, Socket engine)
            {
                Client = client;
                Engine = engine;
            }

            public Socket Client { get; }
            public Socket Engine { get; }
            public string Request = "";
            public long Answered;
        }

        private static readonly string[] Methods = { "GET ", "POST ", "PUT ", "DELETE ", "HEAD " };

        private async Task PumpAsync(Socket from, Socket to, Connection connection, bool requests)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int n;
                while ((n = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                {
                    string text = Encoding.ASCII.GetString(buffer, 0, Math.Min(n, 512));
                    if (requests && Methods.Any(m => text.StartsWith(m, StringComparison.Ordinal)))
                    {
                        connection.Request = text.Split('\r')[0];
                        Interlocked.Exchange(ref connection.Answered, 0);
                        if (text.Contains("/stop")) Interlocked.Increment(ref stopRequests);
                    }
                    await to.SendAsync(new ArraySegment<byte>(buffer, 0, n), SocketFlags.None);
                    if (!requests && Interlocked.Add(ref connection.Answered, n) > 0 && await CutHereAsync(connection)) return;
                }
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
        }

        private string cutRequest;
        private long cutAfter;
        private readonly TaskCompletionSource<string> cut = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// Breaks the first connection whose request line contains <paramref name="requestFragment"/> once at least
        /// <paramref name="answeredBytes"/> of the engine's answer went back: nothing more is relayed, the client gets a
        /// moment to read what came, then both sides are reset. Other connections (and new ones) go on. The task gives
        /// the request line that was cut.
        /// </summary>
        public Task<string> CutMidAnswer(string requestFragment, long answeredBytes = 1)
        {
            cutAfter = answeredBytes;
            Volatile.Write(ref cutRequest, requestFragment);
            return cut.Task;
        }

        private async Task<bool> CutHereAsync(Connection connection)
        {
            string fragment = Volatile.Read(ref cutRequest);
            if (fragment == null || !connection.Request.Contains(fragment) || Interlocked.Read(ref connection.Answered) < cutAfter) return false;
            if (Interlocked.CompareExchange(ref cutRequest, null, fragment) != fragment) return false;
            await Task.Delay(500);
            Reset(connection.Client);
            Reset(connection.Engine);
            cut.TrySetResult(connection.Request);
            return true;
        }

        private static void Reset(Socket s)
        {
            try { s.LingerState = new LingerOption(true, 0); } catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
            s.Dispose();
        }

        /// <summary>The daemon is gone: new connections are refused and open ones are reset.</summary>
        public void Kill()
        {
            listener.Stop();
            lock (open)
            {
                killed = true;
                foreach (Socket s in open) Reset(s);
                open.Clear();
            }
        }

        public void Dispose() => Kill();
    }
}
