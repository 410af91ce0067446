namespace PSCompose
{
    /// <summary>
    /// The error of an attached Invoke-ComposeUp whose exit code (-AbortOnContainerExit, -AbortOnContainerFailure,
    /// -ExitCodeFrom) is not 0: the code is on <see cref="ExitCode"/>, so a catch block can pass it on.
    /// </summary>
    public sealed class ContainerExitException : ComposeException
    {
        public ContainerExitException(string service, string container, int exitCode)
            : base(ErrorIds.ContainerExitedNonZero, $"{container} exited with code {exitCode}", service)
        {
            Service = service;
            Container = container;
            ExitCode = exitCode;
        }

        public string Service { get; }

        public string Container { get; }

        public int ExitCode { get; }
    }
}
