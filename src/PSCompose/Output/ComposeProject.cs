namespace PSCompose
{
    /// <summary>
    /// A Compose project. Get-ComposeProject fills Name, Status, ConfigFiles and WorkingDirectory from the
    /// engine's labels; Get-ComposeConfig fills the model from the compose files.
    /// </summary>
    public sealed partial class ComposeProject
    {
        public string Name { get; set; }

        /// <summary>Container states with counts, as docker compose ls prints them: running(2), exited(1).</summary>
        public string Status { get; set; }

        public string[] ConfigFiles { get; set; } = new string[0];

        public string WorkingDirectory { get; set; }
    }
}
