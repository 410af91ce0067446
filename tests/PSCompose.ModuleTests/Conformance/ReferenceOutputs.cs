using System.Collections.Generic;
using System.Linq;

namespace PSCompose.ModuleTests.Conformance
{
    /// <summary>Everything the reference prints for one case, gathered up front (in parallel: each call is a process).</summary>
    internal sealed class ReferenceOutputs
    {
        public static readonly string[] ListingFlags = { "--services", "--volumes", "--networks", "--profiles", "--images" };

        public ReferenceCompose.Result Json { get; private set; }

        public ReferenceCompose.Result Hash { get; private set; }

        public ReferenceCompose.Result Yaml { get; private set; }

        public Dictionary<string, ReferenceCompose.Result> Listings { get; } = new Dictionary<string, ReferenceCompose.Result>();

        public static Dictionary<string, ReferenceOutputs> ForAll(IEnumerable<ConformanceCase> cases) =>
            cases.AsParallel().WithDegreeOfParallelism(4)
                .Select(c => (c.Name, Outputs: For(c)))
                .ToDictionary(x => x.Name, x => x.Outputs);

        private static ReferenceOutputs For(ConformanceCase c)
        {
            var outputs = new ReferenceOutputs { Json = ReferenceCompose.Run(c, "config", "--format", "json") };
            if (!c.ExpectValid || !outputs.Json.Ok) return outputs;
            outputs.Hash = ReferenceCompose.Run(c, "config", "--hash", "*");
            outputs.Yaml = ReferenceCompose.Run(c, "config");
            if (c.CompareListings)
                foreach (string flag in ListingFlags) outputs.Listings[flag] = ReferenceCompose.Run(c, "config", flag);
            return outputs;
        }
    }
}
