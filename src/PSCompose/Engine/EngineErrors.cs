using System;

namespace PSCompose.Engine
{
    /// <summary>The configured endpoint cannot be used at all (bad scheme, missing context).</summary>
    public sealed class EngineEndpointException : Exception
    {
        public EngineEndpointException(string message) : base(message) { }
    }

    /// <summary>The engine could not be reached at the endpoint.</summary>
    public sealed class EngineUnavailableException : Exception
    {
        public EngineUnavailableException(string endpoint, Exception inner)
            : base($"Cannot connect to the Docker engine at {endpoint}: {Innermost(inner).Message} Is the docker daemon running?", inner)
        {
            Endpoint = endpoint;
        }

        public string Endpoint { get; }

        private static Exception Innermost(Exception e)
        {
            while (true)
            {
                if (e is AggregateException ae && ae.InnerExceptions.Count > 0) e = ae.InnerExceptions[0];
                else if (e.InnerException != null) e = e.InnerException;
                else return e;
            }
        }
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
