using System;
using System.Diagnostics;
using Xunit;

namespace PSCompose.Testing
{
    /// <summary>
    /// A test that needs a running Docker engine and the reference docker compose. Locally, without an
    /// engine, it is skipped with the reason shown. Under CI=true it always runs: a missing engine fails it.
    /// </summary>
    public sealed class EngineFactAttribute : FactAttribute
    {
        public EngineFactAttribute()
        {
            if (!EngineAvailability.IsCi && !EngineAvailability.Available.Value)
                Skip = "No Docker engine reachable (docker info failed); engine tests run in CI.";
        }
    }

    public static class EngineAvailability
    {
        public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        public static readonly Lazy<bool> Available = new Lazy<bool>(() => Docker.Run("info").ExitCode == 0);
    }
}
