using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using PSCompose.Engine;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// One service's pull, push or build, folded from the engine's progress lines into what a progress bar shows: the
    /// bytes of the layers being moved (from the Downloading/Pushing progress detail) and how far the layers the engine
    /// announced are, or the build step.
    /// </summary>
    internal sealed class ServiceTransfer
    {
        private static readonly Regex BuildStep = new Regex(@"^Step (\d+)/(\d+) : ", RegexOptions.CultureInvariant);

        /// <summary>Layer statuses that announce a layer before its bytes move.</summary>
        private static readonly HashSet<string> LayerPending = new HashSet<string>(StringComparer.Ordinal)
        {
            "Pulling fs layer", "Waiting", "Preparing",
        };

        /// <summary>Layer statuses after which the layer's bytes are all there.</summary>
        private static readonly HashSet<string> LayerDone = new HashSet<string>(StringComparer.Ordinal)
        {
            "Verifying Checksum", "Download complete", "Extracting", "Pull complete", "Already exists", "Pushed", "Layer already exists",
        };

        /// <summary>Per layer: bytes moved, bytes in all (0 while unknown), done.</summary>
        private readonly Dictionary<string, Layer> layers = new Dictionary<string, Layer>(StringComparer.Ordinal);
        private string phase = "";
        private int emittedPercent = -2;
        private string emittedPhase;

        public long Current { get; private set; }

        public long Total { get; private set; }

        /// <summary>0..100, or -1 when nothing tells how far it is.</summary>
        public int Percent { get; private set; } = -1;

        public string Status { get; private set; } = "Waiting";

        /// <summary>Folds one line in; true when what a progress bar shows has changed enough to be written again.</summary>
        public bool Apply(EngineProgress p)
        {
            if (p.Stream != null) ApplyBuildLine(p.Stream.Trim());
            else if (p.Id != null && p.Status != null && IsLayerStatus(p.Status)) ApplyLayer(p);
            else if (p.Status != null && layers.Count == 0) Status = p.Status;
            if (emittedPercent == Percent && emittedPhase == phase) return false;
            emittedPercent = Percent;
            emittedPhase = phase;
            return true;
        }

        private static bool IsLayerStatus(string status) =>
            LayerPending.Contains(status) || LayerDone.Contains(status) || status == "Downloading" || status == "Pushing" || status.StartsWith("Mounted from ", StringComparison.Ordinal);

        private void ApplyLayer(EngineProgress p)
        {
            if (!layers.TryGetValue(p.Id, out Layer layer)) layers[p.Id] = layer = new Layer();
            if ((p.Status == "Downloading" || p.Status == "Pushing") && p.Total > 0)
            {
                // A push counts the tar stream against the layer's content size, so it ends a little past its total.
                layer.Total = p.Total.Value;
                layer.Current = Math.Min(p.Current ?? 0, layer.Total);
                phase = p.Status;
            }
            else if (!LayerPending.Contains(p.Status))
            {
                layer.Done = true;
                layer.Current = layer.Total;
            }
            Recount();
        }

        private void ApplyBuildLine(string line)
        {
            Match step = BuildStep.Match(line);
            if (!step.Success) return;
            int n = int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture), of = int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture);
            phase = line;
            Status = line;
            Percent = of > 0 ? (n - 1) * 100 / of : -1;
        }

        private void Recount()
        {
            long current = 0, total = 0;
            double done = 0;
            foreach (Layer layer in layers.Values)
            {
                current += layer.Current;
                total += layer.Total;
                done += layer.Done ? 1 : layer.Total > 0 ? (double)layer.Current / layer.Total : 0;
            }
            Current = current;
            Total = total;
            Percent = (int)(done * 100 / layers.Count);
            Status = total > 0 ? $"{phase} {Size(current)} of {Size(total)}" : phase.Length > 0 ? phase : "Waiting";
        }

        /// <summary>Decimal units, as docker pull prints them.</summary>
        internal static string Size(long bytes) =>
            bytes >= 1000000 ? (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
            : bytes >= 1000 ? (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " kB"
            : bytes.ToString(CultureInfo.InvariantCulture) + " B";

        private sealed class Layer
        {
            public long Current;
            public long Total;
            public bool Done;
        }
    }
}
