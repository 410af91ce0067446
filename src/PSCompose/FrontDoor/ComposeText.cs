using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using PSCompose.Model;
using PSCompose.Model.Serialization;

namespace PSCompose.FrontDoor
{
    /// <summary>The text `docker compose` prints for the objects of a PSCompose cmdlet (Invoke-Compose without -AsObject).</summary>
    public static class ComposeText
    {
        /// <summary>Whether <paramref name="output"/> needs all objects at once (a table, a de-duplicated list).</summary>
        public static bool IsBatch(FrontDoorOutput output) =>
            output == FrontDoorOutput.ContainerTable || output == FrontDoorOutput.ContainerTemplate || output == FrontDoorOutput.Services || output == FrontDoorOutput.Hashes ||
            output == FrontDoorOutput.ImageTable || output == FrontDoorOutput.ImageIds || output == FrontDoorOutput.ProjectTable || output == FrontDoorOutput.ProjectJson || output == FrontDoorOutput.VolumeTable || output == FrontDoorOutput.VolumeJson || output == FrontDoorOutput.ProcessTable;

        /// <summary>One object as Compose prints it: a string, the object itself (PowerShell formats it), or null (nothing printed).</summary>
        public static object Format(FrontDoorOutput output, object item)
        {
            object o = item is PSObject pso ? pso.BaseObject : item;
            if (o is ComposeLogRecord log) return log.ToDisplayString(false);
            switch (output)
            {
                case FrontDoorOutput.Status:
                    return null;
                case FrontDoorOutput.Ids:
                    return (o as ComposeContainer)?.Id ?? o;
                case FrontDoorOutput.Names:
                    return (o as ComposeProject)?.Name ?? (o as ComposeVolume)?.Name ?? o;
                case FrontDoorOutput.Version:
                    return o is ComposeVersionInfo v ? "Docker Compose version v" + v.ComposeVersion : o;
                case FrontDoorOutput.VersionShort:
                    return o is ComposeVersionInfo s ? s.ComposeVersion : o;
                case FrontDoorOutput.VersionJson:
                    return o is ComposeVersionInfo j ? "{\"version\":\"v" + j.ComposeVersion + "\"}" : o;
                case FrontDoorOutput.Port:
                    return o is ComposePortBinding p ? p.HostIp + ":" + p.HostPort.ToString(CultureInfo.InvariantCulture) : o;
                case FrontDoorOutput.Exits:
                    return o is ComposeContainerExit e ? "container \"" + e.Id + "\" exited with status code " + e.ExitCode.ToString(CultureInfo.InvariantCulture) : o;
                default:
                    return item;
            }
        }

        /// <summary>
        /// One object as Invoke-Compose prints it for <paramref name="call"/>: <see cref="Format(FrontDoorOutput, object)"/>,
        /// with log prefixes coloured for --ansi always, and the statistics view with whole container ids for stats --no-trunc.
        /// </summary>
        public static object Format(FrontDoorInvocation call, object item)
        {
            object o = item is PSObject pso ? pso.BaseObject : item;
            if (o is ComposeLogRecord log) return log.ToDisplayString(call.Color);
            if (o is ComposeContainerStatistic && !call.Truncate)
            {
                var wrapped = new PSObject(o);
                wrapped.TypeNames.Insert(0, StatisticNoTruncView);
                return wrapped;
            }
            return Format(call.Output, item);
        }

        /// <summary>The type name the stats --no-trunc view (PSCompose.Format.ps1xml) is selected by.</summary>
        public const string StatisticNoTruncView = "PSCompose.ComposeContainerStatistic#NoTrunc";

        /// <summary>The lines Compose prints for all of a command's objects (see <see cref="IsBatch"/>), with the command line's format.</summary>
        public static string[] FormatAll(FrontDoorInvocation call, object[] items)
        {
            items = (items ?? new object[0]).Where(call.Keeps).ToArray();
            if (call.Output != FrontDoorOutput.ContainerTemplate && call.Output != FrontDoorOutput.ContainerTable) return FormatAll(call.Output, items);
            ComposeContainer[] containers = (items ?? new object[0]).Select(i => i is PSObject p ? p.BaseObject : i).OfType<ComposeContainer>()
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
            if (call.Output == FrontDoorOutput.ContainerTable) return ContainerTable(containers, DateTime.UtcNow, call.Truncate);
            return call.ContainerFormat.Render(containers, call.Truncate, DateTime.UtcNow);
        }

        /// <summary>The lines Compose prints for all of a command's objects (see <see cref="IsBatch"/>).</summary>
        public static string[] FormatAll(FrontDoorOutput output, object[] items)
        {
            object[] objects = (items ?? new object[0]).Select(i => i is PSObject p ? p.BaseObject : i).ToArray();
            // config --hash: Compose prints the services sorted by name, whatever order the file has.
            if (output == FrontDoorOutput.Hashes)
                return objects.OfType<ComposeServiceHash>().OrderBy(h => h.Service, StringComparer.Ordinal).Select(h => h.Service + " " + h.Hash).ToArray();
            switch (output)
            {
                case FrontDoorOutput.ImageTable: return ImageTable(objects.OfType<ComposeContainerImage>(), DateTime.UtcNow);
                case FrontDoorOutput.ImageIds:
                    return objects.OfType<ComposeContainerImage>().OrderBy(i => i.Container, StringComparer.Ordinal)
                        .Select(i => i.Id.Substring(i.Id.IndexOf(':') + 1)).Distinct(StringComparer.Ordinal).ToArray();
                case FrontDoorOutput.ProjectTable: return ProjectTable(objects.OfType<ComposeProject>());
                case FrontDoorOutput.VolumeTable:
                    var rows = new List<string[]> { new[] { "DRIVER", "VOLUME NAME" } };
                    rows.AddRange(objects.OfType<ComposeVolume>().Select(v => new[] { v.Driver, v.Name }));
                    return TabWriter(rows, 10, 3);
                case FrontDoorOutput.VolumeJson: return objects.OfType<ComposeVolume>().Select(VolumeJson).ToArray();
                case FrontDoorOutput.ProjectJson: return new[] { ProjectJson(objects.OfType<ComposeProject>()) };
                case FrontDoorOutput.ProcessTable: return ProcessTable(objects.OfType<ComposeProcess>());
            }
            ComposeContainer[] containers = objects.OfType<ComposeContainer>().OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
            if (output == FrontDoorOutput.Services)
                return containers.Select(c => c.Service).Distinct(StringComparer.Ordinal).ToArray();
            return ContainerTable(containers, DateTime.UtcNow);
        }

        /// <summary>`docker compose ps`: the COMMAND column cut to 20 characters unless --no-trunc.</summary>
        internal static string[] ContainerTable(IEnumerable<ComposeContainer> containers, DateTime now, bool truncate = true)
        {
            var rows = new List<string[]> { new[] { "NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS" } };
            rows.AddRange(containers.Select(c => new[]
            {
                c.Name, c.Image, Quote(truncate ? Ellipsis(c.Command ?? "", 20) : c.Command ?? ""), c.Service, ComposeUnits.Ago(c.Created, now), c.Status,
                string.Join(", ", c.Ports ?? new string[0]),
            }));
            return TabWriter(rows, 10, 3);
        }

        /// <summary>`docker compose images`: the docker CLI's formatter table (minwidth 20); CREATED counts from the image's last tagging, as Compose's does.</summary>
        internal static string[] ImageTable(IEnumerable<ComposeContainerImage> images, DateTime now)
        {
            var rows = new List<string[]> { new[] { "CONTAINER", "REPOSITORY", "TAG", "PLATFORM", "IMAGE ID", "SIZE", "CREATED" } };
            rows.AddRange(images.OrderBy(i => i.Container, StringComparer.Ordinal).Select(i => new[]
            {
                i.Container, i.Repository, i.Tag, i.Platform, i.ShortId, ComposeUnits.HumanSize(i.Size), ComposeUnits.Ago(i.LastTagTime ?? i.Created, now),
            }));
            return TabWriter(rows, 20, 3);
        }

        /// <summary>`docker compose ls`: the docker CLI's formatter table (minwidth 20).</summary>
        internal static string[] ProjectTable(IEnumerable<ComposeProject> projects)
        {
            var rows = new List<string[]> { new[] { "NAME", "STATUS", "CONFIG FILES" } };
            rows.AddRange(projects.Select(p => new[] { p.Name, p.Status, string.Join(",", p.ConfigFiles ?? new string[0]) }));
            return TabWriter(rows, 20, 3);
        }

        /// <summary>`docker compose ls --format json`: the table's columns as one JSON array (Go's json.Marshal).</summary>
        internal static string ProjectJson(IEnumerable<ComposeProject> projects) =>
            GoJson.Compact(projects.Select(p => (object)new YMap
            {
                ["Name"] = p.Name, ["Status"] = p.Status, ["ConfigFiles"] = string.Join(",", p.ConfigFiles ?? new string[0]),
            }).ToList());

        /// <summary>The docker CLI's volume context as JSON; the cluster-volume fields are "N/A" for a local engine's volumes.</summary>
        internal static string VolumeJson(ComposeVolume v) =>
            GoJson.Compact(new YMap
            {
                ["Availability"] = "N/A", ["Driver"] = v.Driver ?? "", ["Group"] = "N/A",
                ["Labels"] = string.Join(",", (v.Labels ?? new Dictionary<string, string>()).Select(l => l.Key + "=" + l.Value)),
                ["Links"] = "N/A", ["Mountpoint"] = v.Mountpoint ?? "", ["Name"] = v.Name ?? "", ["Scope"] = v.Scope ?? "", ["Size"] = "N/A", ["Status"] = "N/A",
            });

        /// <summary>`docker compose top`: SERVICE, # and the columns ps gave, in Compose's narrower table (minwidth 4, padding 2).</summary>
        internal static string[] ProcessTable(IEnumerable<ComposeProcess> processes)
        {
            ComposeProcess[] all = processes.ToArray();
            if (all.Length == 0) return new string[0];
            string[] titles = all[0].Fields.Keys.Cast<string>().ToArray();
            var rows = new List<string[]> { new[] { "SERVICE", "#" }.Concat(titles).ToArray() };
            rows.AddRange(all.Select(p => new[] { p.Service, p.Number.ToString(CultureInfo.InvariantCulture) }
                .Concat(titles.Select(t => Convert.ToString(p.Fields[t], CultureInfo.InvariantCulture))).ToArray()));
            return TabWriter(rows, 4, 2);
        }

        /// <summary>Go's text/tabwriter with the docker CLI's settings (minimum cell width, padding); the last cell is not padded.</summary>
        internal static string[] TabWriter(IReadOnlyList<string[]> rows, int minWidth, int padding)
        {
            int columns = rows.Max(r => r.Length);
            var widths = new int[columns];
            foreach (string[] row in rows)
                for (int i = 0; i < row.Length - 1; i++)
                    widths[i] = Math.Max(widths[i], Math.Max(minWidth, Width(row[i]) + padding));
            return rows.Select(row =>
            {
                var line = new StringBuilder();
                for (int i = 0; i < row.Length; i++)
                    line.Append(i < row.Length - 1 ? row[i] + new string(' ', widths[i] - Width(row[i])) : row[i]);
                return line.ToString();
            }).ToArray();
        }

        private static int Width(string s) => s == null ? 0 : new StringInfo(s).LengthInTextElements;

        /// <summary>The docker CLI's formatter.Ellipsis: cut to max-1 characters and "…".</summary>
        internal static string Ellipsis(string s, int max)
        {
            var info = new StringInfo(s);
            return info.LengthInTextElements <= max ? s : info.SubstringByTextElements(0, max - 1) + "…";
        }

        /// <summary>Go's strconv.Quote for the printable text a command holds.</summary>
        private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
