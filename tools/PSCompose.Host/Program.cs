using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PSCompose.Host
{
    /// <summary>
    /// Usage: PSCompose.Host script.ps1 [args...]. Imports out/PSCompose/PSCompose.psd1 (or $PSCOMPOSE_MODULE),
    /// runs the script with the arguments, renders output with Out-Host (so format views apply) and
    /// returns 1 when the script raised an error.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: PSCompose.Host <script.ps1> [arguments...]");
                return 2;
            }
            string script = Path.GetFullPath(args[0]);
            string module = Environment.GetEnvironmentVariable("PSCOMPOSE_MODULE") ?? FindModule();

            InitialSessionState iss = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows()) iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            iss.ImportPSModule(new[] { module });
            iss.ThrowOnRunspaceOpenError = true;

            var host = new ConsoleHost();
            using (Runspace runspace = RunspaceFactory.CreateRunspace(host, iss))
            {
                runspace.Open();
                runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(Environment.CurrentDirectory));
                using (PowerShell ps = PowerShell.Create())
                {
                    ps.Runspace = runspace;

                    Console.CancelKeyPress += (s, e) => { e.Cancel = true; ps.BeginStop(null, null); };
                    ps.AddCommand(script);
                    foreach (string a in args.Skip(1)) ps.AddArgument(a);
                    ps.AddCommand("Out-Host");
                    ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
                    try
                    {
                        ps.Invoke();
                    }
                    catch (RuntimeException e)
                    {
                        Console.Error.WriteLine(e.ErrorRecord?.ToString() ?? e.Message);
                        return 1;
                    }
                    return ps.HadErrors ? 1 : 0;
                }
            }
        }

        private static string FindModule()
        {
            for (string dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, "out", "PSCompose", "PSCompose.psd1");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("out/PSCompose/PSCompose.psd1 not found; run 'dotnet build PSCompose.sln -c Release' first.");
        }
    }
}
