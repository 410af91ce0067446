namespace PSCompose
{
    public sealed partial class ComposeProject
    {
        /// <summary>The enabled services (Get-ComposeConfig).</summary>
        public ComposeServiceConfig[] Services { get; set; }

        public string[] Networks { get; set; }

        public string[] Volumes { get; set; }

        public string[] Secrets { get; set; }

        public string[] Configs { get; set; }

        /// <summary>Every profile the project declares.</summary>
        public string[] Profiles { get; set; }
    }
}
