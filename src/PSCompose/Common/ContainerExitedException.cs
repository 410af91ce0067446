namespace PSCompose
{
    /// <summary>
    /// A container's command ended with a non-zero exit code that decides the outcome: Invoke-ComposeExec,
    /// Invoke-ComposeRun, or an attached Invoke-ComposeUp with -AbortOnContainerExit/-AbortOnContainerFailure/
    /// -ExitCodeFrom. The error record's exception, so <c>$_.Exception.ExitCode</c> reads the code.
    /// </summary>
    public sealed class ContainerExitedException : ComposeException
    {
        public ContainerExitedException(string container, long exitCode, string service = null, string message = null)
            : base(ErrorIds.ContainerExitedNonZero, message ?? $"The command in container {container} exited with code {exitCode}.", service ?? container)
        {
            Container = container;
            Service = service;
            ExitCode = exitCode;
        }

        public string Container { get; }

        /// <summary>The service of the container, when the command was a service's (attached up).</summary>
        public string Service { get; }

        public long ExitCode { get; }
    }
}
