namespace PSCompose
{
    /// <summary>One variable of the environment used for interpolation (Get-ComposeConfig -Environment).</summary>
    public sealed class ComposeEnvironmentVariable
    {
        public string Name { get; set; }

        public string Value { get; set; }
    }
}
