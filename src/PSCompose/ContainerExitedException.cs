namespace PSCompose
{
    /// <summary>
    /// A command in a container (Invoke-ComposeExec, Invoke-ComposeRun) ended with a non-zero exit code; the error
    /// record's exception, so <c>$_.Exception.ExitCode</c> reads the code.
    /// </summary>
    public sealed class ContainerExitedException : ComposeException
    {
        public ContainerExitedException(string container, long exitCode)
            : base(ErrorIds.ContainerExitedNonZero, $"The command in container {container} exited with code {exitCode}.", container)
        {
            ExitCode = exitCode;
        }

        public long ExitCode { get; }
    }
}
