using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace PSCompose.Engine
{
    internal sealed partial class DockerEngineClient
    {
        /// <summary>
        /// One engine call as the HTTP pipeline saw it: which request went out, and whether the engine answered it
        /// (its response headers came). A connection that fails before the answer is an engine that cannot be reached;
        /// one that fails after it was lost in the middle of the exchange (an event, stats, wait or archive stream).
        /// <see cref="Call{T}"/> opens one per call; it travels with the call's async flow into <see cref="AnswerWatch"/>.
        /// </summary>
        private sealed class Exchange
        {
            private static readonly AsyncLocal<Exchange> Current = new AsyncLocal<Exchange>();

            private static readonly Regex VersionPrefix = new Regex(@"^/v\d+(\.\d+)?(?=/)");

            /// <summary>"GET /events": the method and path (without the API version) of the last request sent.</summary>
            public string Request { get; private set; }

            public bool Answered { get; private set; }

            /// <summary>A new exchange for the calls made from here on in this async flow.</summary>
            public static Exchange Open()
            {
                var exchange = new Exchange();
                Current.Value = exchange;
                return exchange;
            }

            /// <summary>The failure of a connection in this exchange, as PSCompose reports it.</summary>
            public Exception Failure(EngineEndpoint endpoint, Exception e) => Answered
                ? EngineStreamLostException.During(endpoint.ToString(), Request, Innermost(e).Message, e)
                : (Exception)EngineUnavailableException.Unreachable(endpoint.ToString(), ConnectionFailureDetail(endpoint, e), e);

            /// <summary>
            /// Marks the exchange of the calling flow: the request when it goes out, answered when its headers come.
            /// Innermost but for the transport, so it sees the request as sent.
            /// </summary>
            public sealed class AnswerWatch : DelegatingHandler
            {
                public AnswerWatch(HttpMessageHandler inner) : base(inner) { }

                protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Exchange exchange = Current.Value;
                    if (exchange != null)
                    {
                        exchange.Request = request.Method + " " + VersionPrefix.Replace(request.RequestUri.AbsolutePath, "");
                        exchange.Answered = false;
                    }
                    HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if (exchange != null) exchange.Answered = true;
                    return response;
                }
            }
        }

        /// <summary>
        /// An answered request's response stream read after its call returned (an archive): a read that fails on the
        /// connection is the exchange lost, unless the read was cancelled.
        /// </summary>
        private sealed class LostOnReadStream : ReadOnlyStream
        {
            private readonly System.IO.Stream inner;
            private readonly EngineEndpoint endpoint;
            private readonly string request;
            private readonly CancellationToken ct;

            public LostOnReadStream(System.IO.Stream inner, EngineEndpoint endpoint, string request, CancellationToken ct)
            {
                this.inner = inner;
                this.endpoint = endpoint;
                this.request = request;
                this.ct = ct;
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                try { return await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false); }
                catch (Exception e) when (IsLost(e)) { throw Lost(e); }
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                try { return inner.Read(buffer, offset, count); }
                catch (Exception e) when (IsLost(e)) { throw Lost(e); }
            }

            private bool IsLost(Exception e) => !ct.IsCancellationRequested && IsConnectionFailure(e);

            private Exception Lost(Exception e) => EngineStreamLostException.During(endpoint.ToString(), request, Innermost(e).Message, e);

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
