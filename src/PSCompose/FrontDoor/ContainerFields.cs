using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Model;
using PSCompose.Model.Interpolation;

namespace PSCompose.FrontDoor
{
    /// <summary>
    /// The fields of Compose's formatter.ContainerContext for one container, as `docker compose ps --format` reads them,
    /// in the order its JSON prints them (sorted by name).
    /// </summary>
    internal static class ContainerFields
    {
        /// <summary>The column titles of a `table` format; a field without one prints Go's "&lt;no value&gt;".</summary>
        public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ID"] = "CONTAINER ID", ["Name"] = "NAME", ["Project"] = "PROJECT", ["Service"] = "SERVICE", ["Image"] = "IMAGE",
            ["Command"] = "COMMAND", ["CreatedAt"] = "CREATED AT", ["RunningFor"] = "CREATED", ["Ports"] = "PORTS", ["State"] = "STATE",
            ["Status"] = "STATUS", ["Size"] = "SIZE", ["Labels"] = "LABELS",
        };

        public static readonly IReadOnlyList<string> Names = new[]
        {
            "Command", "CreatedAt", "ExitCode", "Health", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Name", "Names",
            "Networks", "Ports", "Project", "Publishers", "RunningFor", "Service", "Size", "State", "Status",
        };

        /// <param name="container">The container, as Get-ComposeContainer returned it.</param>
        /// <param name="truncate">Compose's default: short id, command and mount names cut (--no-trunc: false).</param>
        /// <param name="now">The clock RunningFor counts to.</param>
        public static YMap Of(ComposeContainer container, bool truncate, DateTime now)
        {
            EngineContainer listed = container.Listed ?? new EngineContainer();
            string command = container.Command ?? "";
            var mounts = listed.Mounts.Select(m => string.IsNullOrEmpty(m.Name) ? m.Source ?? "" : m.Name);
            var fields = new YMap
            {
                ["Command"] = GoFormat.Quote(truncate ? ComposeText.Ellipsis(command, 20) : command),
                ["CreatedAt"] = GoTime(container.Created),
                ["ExitCode"] = container.InspectedExitCode,
                ["Health"] = container.Health ?? "",
                ["ID"] = truncate && container.Id != null && container.Id.Length > 12 ? container.Id.Substring(0, 12) : container.Id ?? "",
                ["Image"] = container.Image ?? "",
                ["Labels"] = string.Join(",", listed.Labels.Select(l => l.Key + "=" + l.Value)),
                ["LocalVolumes"] = listed.Mounts.Count(m => m.Driver == "local").ToString(CultureInfo.InvariantCulture),
                ["Mounts"] = string.Join(",", mounts.Select(m => truncate ? ComposeText.Ellipsis(m, 15) : m)),
                ["Name"] = container.Name ?? "",
                ["Names"] = container.Name ?? "",
                ["Networks"] = string.Join(",", listed.NetworkIds.Keys),
                ["Ports"] = string.Join(", ", container.Ports ?? new string[0]),
                ["Project"] = container.ProjectName ?? "",
                ["Publishers"] = listed.Ports.OrderBy(p => p.PrivatePort).Select(p => (object)new YMap
                {
                    ["URL"] = p.HostIp ?? "", ["TargetPort"] = (long)p.PrivatePort, ["PublishedPort"] = (long)(p.PublicPort ?? 0), ["Protocol"] = p.Protocol ?? "",
                }).ToList(),
                ["RunningFor"] = ComposeUnits.Ago(container.Created, now),
                ["Service"] = container.Service ?? "",
                // Compose lists containers without their sizes, so SizeRw is always 0.
                ["Size"] = ComposeUnits.HumanSize(0),
                ["State"] = container.State ?? "",
                ["Status"] = container.Status ?? "",
            };
            return fields;
        }

        /// <summary>Go's time.Unix(created, 0).String() in the local zone: "2026-11-30 16:08:23 +0000 UTC".</summary>
        private static string GoTime(DateTime created)
        {
            DateTime utc = created.Kind == DateTimeKind.Local ? created.ToUniversalTime() : DateTime.SpecifyKind(created, DateTimeKind.Utc);
            utc = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            TimeSpan offset = TimeZoneInfo.Local.GetUtcOffset(utc);
            DateTime local = utc + offset;
            string sign = offset < TimeSpan.Zero ? "-" : "+";
            string numeric = sign + Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture) + Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
            // .NET knows no zone abbreviations; Go prints "UTC" for UTC and the numeric offset where it has no name either.
            string zone = offset == TimeSpan.Zero && TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.Zero ? "UTC" : numeric;
            return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + numeric + " " + zone;
        }

        /// <summary>A field as text/template prints it: strings as they are, numbers in decimal, Publishers as Go's %v of its structs.</summary>
        public static string Text(object value)
        {
            switch (value)
            {
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                case List<object> publishers:
                    return "[" + string.Join(" ", publishers.Cast<YMap>().Select(p => "{" + string.Join(" ", p.Select(e => Text(e.Value))) + "}")) + "]";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
