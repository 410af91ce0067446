using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace PSCompose.ModuleTests.Endpoint
{
    /// <summary>A TCP listener on 127.0.0.1 that accepts connections and never answers: a hung engine.</summary>
    internal sealed class SilentEndpoint : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly List<TcpClient> held = new List<TcpClient>();

        public SilentEndpoint()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public string Host => "tcp://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port;

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    TcpClient c = await listener.AcceptTcpClientAsync();
                    lock (held) held.Add(c);
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
        }

        public void Dispose()
        {
            listener.Stop();
            lock (held) held.ForEach(c => c.Dispose());
        }
    }

    /// <summary>A plain HTTP server on 127.0.0.1 that answers 404 with an HTML page to every request: not a Docker engine.</summary>
    internal sealed class NotFoundHttpEndpoint : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

        public NotFoundHttpEndpoint()
        {
            listener.Start();
            _ = ServeAsync();
        }

        public string Host => "tcp://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Requests { get; private set; }

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    TcpClient c = await listener.AcceptTcpClientAsync();
                    _ = AnswerAsync(c);
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException) { }
        }

        private async Task AnswerAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream s = client.GetStream();
                    var buffer = new byte[8192];
                    var request = new StringBuilder();
                    while (!request.ToString().Contains("\r\n\r\n"))
                    {
                        int n = await s.ReadAsync(buffer, 0, buffer.Length);
                        if (n == 0) return;
                        request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    Requests++;
                    const string body = "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>";
                    byte[] answer = Encoding.ASCII.GetBytes(
                        "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: " + body.Length +
                        "\r\nConnection: close\r\n\r\n" + body);
                    await s.WriteAsync(answer, 0, answer.Length);
                }
                catch (Exception e) when (e is SocketException || e is System.IO.IOException) { }
            }
        }

        public void Dispose() => listener.Stop();
    }
}
