namespace PSCompose.Model
{
    /// <summary>The com.docker.compose.* labels, shared with docker compose so either tool sees the other's resources.</summary>
    internal static class ComposeLabels
    {
        public const string Prefix = "com.docker.compose.";
        public const string Project = Prefix + "project";
        public const string Service = Prefix + "service";
        public const string ContainerNumber = Prefix + "container-number";
        public const string OneOff = Prefix + "oneoff";
        public const string ConfigHash = Prefix + "config-hash";
        public const string WorkingDir = Prefix + "project.working_dir";
        public const string ConfigFiles = Prefix + "project.config_files";
        public const string EnvironmentFile = Prefix + "project.environment_file";
        public const string DependsOn = Prefix + "depends_on";
        public const string Image = Prefix + "image";
        public const string Version = Prefix + "version";
        public const string Network = Prefix + "network";
        public const string Volume = Prefix + "volume";
        public const string Replace = Prefix + "replace";
        public const string Slug = Prefix + "slug";
        public const string ImageBuilder = Prefix + "image.builder";

        /// <summary>The Compose version PSCompose reproduces and writes into com.docker.compose.version.</summary>
        public const string ComposeVersion = "2.40.3";
    }
}
