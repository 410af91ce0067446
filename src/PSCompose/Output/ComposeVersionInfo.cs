namespace PSCompose
{
    /// <summary>What Get-ComposeVersion reports: the module, the Compose version it reproduces, and the engine.</summary>
    public sealed class ComposeVersionInfo
    {
        public string ModuleVersion { get; set; }
        public string ComposeVersion { get; set; }
        public string EngineVersion { get; set; }
        public string EngineApiVersion { get; set; }
        public string ApiVersion { get; set; }
        public string Endpoint { get; set; }
        public string EndpointSource { get; set; }
        public string Os { get; set; }
        public string Arch { get; set; }
    }
}
