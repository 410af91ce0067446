using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSCompose.FrontDoor;
using PSCompose.Testing;
using Xunit;

namespace PSCompose.Tests.FrontDoor
{
    /// <summary>
    /// No flag Invoke-Compose accepts is silently ignored: for every flag of every command in the flag tables (so a
    /// flag added there without a mapping fails here), some value changes what runs (cmdlet, parameters, output,
    /// progress, stdin), or is refused, or the flag is one whose effect is already PSCompose's behaviour, which
    /// Get-Help Invoke-Compose then names.
    /// </summary>
    public class FlagCoverageTests
    {
        private static readonly Dictionary<string, string> Samples = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["timeout"] = "2", ["wait-timeout"] = "2", ["index"] = "2", ["parallel"] = "2", ["tail"] = "5", ["scale"] = "web=2",
            ["pull"] = "always", ["policy"] = "always", ["format"] = "json", ["ansi"] = "always", ["progress"] = "quiet",
            ["attach"] = "web", ["no-attach"] = "web", ["exit-code-from"] = "web", ["filter"] = "status=running", ["hash"] = "*",
            ["since"] = "1h", ["until"] = "1h", ["signal"] = "SIGINT", ["protocol"] = "udp", ["rmi"] = "all", ["env"] = "A=1",
            ["build-arg"] = "A=1", ["label"] = "a=b", ["publish"] = "80", ["volume"] = "/a:/b", ["entrypoint"] = "sh",
            ["cap-add"] = "NET_ADMIN", ["cap-drop"] = "NET_ADMIN", ["project-name"] = "shop", ["file"] = "a.yaml",
        };

        [Fact]
        public void EveryAcceptedFlag_HasAnEffect_IsRefused_OrIsDocumentedAsPSComposesBehaviour()
        {
            var ignored = new List<string>();
            foreach (string command in ComposeFlags.CommandNames.Prepend(null))
            {
                string[] line = BaseLine(command);
                FrontDoorInvocation plain = Parse(line);
                // A command PSCompose refuses whatever its flags (attach, commit, ...) ignores none of them.
                if (plain.Error != null) continue;
                foreach (FlagSpec flag in ComposeFlags.Of(command).Where(f => f.Long != "help"))
                {
                    IEnumerable<string> values = flag.TakesValue ? new[] { Samples.TryGetValue(flag.Long, out string v) ? v : "x" } : new[] { "true", "false" };
                    bool counts = values.Any(value =>
                    {
                        FrontDoorInvocation with = Parse(WithFlag(line, command, flag, value));
                        return with.Error != null || Signature(with) != Signature(plain);
                    });
                    if (!counts && !CommandMapper.AlreadyTheBehaviour.Contains(flag.Long)) ignored.Add((command ?? "(global)") + " --" + flag.Long);
                }
            }
            Assert.True(ignored.Count == 0, "Accepted and ignored: " + string.Join(", ", ignored));
        }

        [Fact]
        public void EveryFlagOfPSComposesOwnBehaviour_IsNamedInInvokeComposesHelp()
        {
            string module = File.ReadAllText(RepoPaths.Combine("module", "PSCompose.psm1"));
            string help = module.Substring(0, module.IndexOf("#>", StringComparison.Ordinal));
            foreach (string flag in CommandMapper.AlreadyTheBehaviour)
                Assert.True(help.Contains("--" + flag, StringComparison.Ordinal), "Get-Help Invoke-Compose does not name --" + flag);
        }

        private static string[] BaseLine(string command)
        {
            switch (command)
            {
                case null: return new[] { "ps" };
                case "run": return new[] { "run", "web" };
                case "exec": return new[] { "exec", "web", "true" };
                case "port": return new[] { "port", "web", "80" };
                case "cp": return new[] { "cp", "a", "web:/b" };
                case "scale": return new[] { "scale", "web=1" };
                default: return new[] { command };
            }
        }

        /// <summary>--flag=value right after the command (before its arguments); a global flag before the command.</summary>
        private static string[] WithFlag(string[] line, string command, FlagSpec flag, string value)
        {
            string given = "--" + flag.Long + "=" + value;
            return command == null ? new[] { given }.Concat(line).ToArray() : new[] { line[0], given }.Concat(line.Skip(1)).ToArray();
        }

        private static FrontDoorInvocation Parse(string[] line) => ComposeCommandLine.Parse(line.Cast<object>().ToArray(), interactiveConsole: false);

        private static string Signature(FrontDoorInvocation c) =>
            string.Join("|", c.CommandName, c.Output, c.Truncate, c.Color, c.Progress, c.ForwardsInput, c.ContainerFormat != null,
                string.Join(",", c.ProjectNameFilters ?? new string[0]),
                string.Join(",", c.Parameters.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal).Select(k => k + "=" + Text(c.Parameters[k]))));

        private static string Text(object value) =>
            value is IDictionary d ? string.Join(";", d.Keys.Cast<object>().Select(k => k + ":" + d[k]))
            : value is IEnumerable e && !(value is string) ? string.Join(";", e.Cast<object>())
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
