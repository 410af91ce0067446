using System.Collections.Generic;
using System.Diagnostics;

namespace PSCompose.Testing
{
    /// <summary>
    /// Real pwsh 7.6.9, the one pinned in .config/dotnet-tools.json, started as `dotnet tool run pwsh` from the
    /// repository root (where the manifest is found), so tests need no global install. Scripts that care about
    /// the location should Set-Location themselves: PowerShell's location is what PSCompose resolves paths against.
    /// </summary>
    public static class Pwsh
    {
        public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
        {
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false };
            foreach (string a in new[] { "tool", "run", "pwsh", "--" }) psi.ArgumentList.Add(a);
            foreach (string a in arguments) psi.ArgumentList.Add(a);
            return psi;
        }
    }
}
