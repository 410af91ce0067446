using System;

namespace PSCompose.Engine
{
    /// <summary>The configured endpoint cannot be used at all (bad scheme, missing context).</summary>
    public sealed class EngineEndpointException : Exception
    {
        public EngineEndpointException(string message) : base(message) { }
    }

    /// <summary>Why the engine at an endpoint cannot be used.</summary>
    public enum EngineUnavailableReason
    {
        /// <summary>Nothing answered: no socket, connection refused, permission denied, connection dropped.</summary>
        Unreachable,

        /// <summary>The endpoint accepted the connection but did not answer in time.</summary>
        Timeout,

        /// <summary>Something answered, but not the Docker engine API (another HTTP server, a proxy's error page).</summary>
        NotDockerApi,
    }

    /// <summary>The engine could not be reached at the endpoint, did not answer in time, or is not a Docker engine.</summary>
    public sealed class EngineUnavailableException : Exception
    {
        private EngineUnavailableException(string endpoint, EngineUnavailableReason reason, string message, Exception inner)
            : base(message, inner)
        {
            Endpoint = endpoint;
            Reason = reason;
        }

        public string Endpoint { get; }

        public EngineUnavailableReason Reason { get; }

        internal static EngineUnavailableException Unreachable(string endpoint, string detail, Exception inner) =>
            new EngineUnavailableException(endpoint, EngineUnavailableReason.Unreachable,
                $"Cannot connect to the Docker engine at {endpoint}: {detail.TrimEnd('.')}. Is the docker daemon running?", inner);

        internal static EngineUnavailableException TimedOut(string endpoint, string phase, TimeSpan limit, Exception inner) =>
            new EngineUnavailableException(endpoint, EngineUnavailableReason.Timeout,
                $"The Docker engine at {endpoint} did not answer within {limit.TotalSeconds:0.#} s ({phase} timeout). " +
                "The endpoint accepts connections but does not respond: check that it is a Docker engine and that it is not hung.", inner);

        internal static EngineUnavailableException NotDockerApi(string endpoint, string answer, Exception inner) =>
            new EngineUnavailableException(endpoint, EngineUnavailableReason.NotDockerApi,
                $"The endpoint {endpoint} is not a Docker engine API: {answer.TrimEnd('.')}. Point DOCKER_HOST or DOCKER_CONTEXT at a Docker engine.", inner);
    }

    /// <summary>The engine answered with an error. StatusCode is the HTTP status (404, 409, …).</summary>
    public class EngineException : Exception
    {
        public EngineException(int statusCode, string message, Exception inner = null) : base(message, inner)
        {
            StatusCode = statusCode;
        }

        public int StatusCode { get; }

        public bool IsNotFound => StatusCode == 404;

        public bool IsConflict => StatusCode == 409;

        /// <summary>The container itself is missing (as opposed to a path in it: the archive API answers 404 for both).</summary>
        public bool IsNoSuchContainer => IsNotFound && Message.IndexOf("No such container", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Another client is already removing the container ("removal of container … is already in progress",
        /// or "… is marked for removal").</summary>
        public bool IsRemovalInProgress => Message.Contains("is already in progress") || Message.Contains("is marked for removal");
    }
}

namespace PSCompose.Engine
{
    /// <summary>
    /// A failure the engine reported inside a progress stream (build step, pull, push) rather than as an HTTP
    /// status: JSONMessage.Error. The message is the engine's, e.g. "The command '/bin/sh -c exit 3' returned a non-zero code: 3".
    /// </summary>
    public sealed class EngineStreamException : EngineException
    {
        public EngineStreamException(string message, long? code) : base(500, message)
        {
            Code = code;
        }

        /// <summary>The JSONError code (the failing step's exit code for a RUN), when the engine gave one.</summary>
        public long? Code { get; }
    }
}

namespace PSCompose.Engine
{
    /// <summary>
    /// The connection to the engine broke after the engine had answered, before it ended its answer: a container's
    /// output (logs, attach, exec), an event or stats stream, a wait, an archive. What was read so far is all there
    /// is, and the end was not seen. Not an engine that cannot be reached: it was there a moment ago.
    /// </summary>
    public sealed class EngineStreamLostException : Exception
    {
        public EngineStreamLostException(string detail, Exception inner = null)
            : base("The connection to the Docker engine was lost while reading container output: " + detail.TrimEnd('.') + ".", inner)
        {
        }

        private EngineStreamLostException(string endpoint, string message, Exception inner) : base(message, inner)
        {
            Endpoint = endpoint;
        }

        /// <summary>The engine endpoint, when known.</summary>
        public string Endpoint { get; }

        /// <summary>Lost while the engine at <paramref name="endpoint"/> was answering <paramref name="request"/> ("GET /events").</summary>
        internal static EngineStreamLostException During(string endpoint, string request, string detail, Exception inner) =>
            new EngineStreamLostException(endpoint,
                $"The connection to the Docker engine at {endpoint} was lost while it answered {request ?? "a request"}: {detail.TrimEnd('.')}.", inner);
    }
}
