namespace PSCompose
{
    /// <summary>A variable the compose files use (Get-ComposeConfig -Variables; docker compose config --variables).</summary>
    public sealed class ComposeVariable
    {
        public string Name { get; set; }

        /// <summary>Written as ${NAME?…} or ${NAME:?…}: the load fails when it is unset (or empty).</summary>
        public bool Required { get; set; }

        /// <summary>The value of ${NAME-…} or ${NAME:-…}.</summary>
        public string DefaultValue { get; set; }

        /// <summary>The value of ${NAME+…} or ${NAME:+…}, used when the variable is set.</summary>
        public string AlternateValue { get; set; }
    }
}
