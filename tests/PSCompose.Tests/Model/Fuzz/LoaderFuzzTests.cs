using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PSCompose.Model;
using PSCompose.Model.Loading;
using Xunit;
using Xunit.Abstractions;

namespace PSCompose.Tests.Model.Fuzz
{
    /// <summary>
    /// 10,000 inputs derived from the conformance corpus (and generated pathological ones, deep nesting among
    /// them) fed to ProjectLoader.Load on a 1 MB-stack thread: each must load or throw ComposeFileException, never
    /// anything else, and never hang.
    /// Input i is made with new Random(Seed + i), so a reported index reproduces exactly (PSC_FUZZ_ONLY=i);
    /// PSC_FUZZ_COUNT changes the number of inputs.
    /// </summary>
    public class LoaderFuzzTests
    {
        private const int Seed = 20_240_601;
        private const int Inputs = 10_000;
        // Catches hangs, not slowness: alias bombs and 10,000-level inputs take about 1 s alone but several
        // seconds on 2 cores shared with the engine-backed tests running in parallel.
        private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(20);
        private const int OneMegabyteStack = 1024 * 1024;

        private readonly ITestOutputHelper output;

        public LoaderFuzzTests(ITestOutputHelper output) => this.output = output;

        private sealed class Outcome
        {
            public int Index;
            public string Description;
            public string Failure;
            public bool Loaded;
            public double Milliseconds;
        }

        [Fact]
        public void Load_OnMutatedCorpus_ReturnsAModelOrThrowsComposeFileException()
        {
            IReadOnlyList<FuzzSeed> seeds = FuzzSeed.LoadCorpus();
            Assert.NotEmpty(seeds);
            int count = int.TryParse(System.Environment.GetEnvironmentVariable("PSC_FUZZ_COUNT"), out int n) ? n : Inputs;
            int? only = int.TryParse(System.Environment.GetEnvironmentVariable("PSC_FUZZ_ONLY"), out int o) ? o : (int?)null;
            int[] indexes = only.HasValue ? new[] { only.Value } : Enumerable.Range(0, count).ToArray();

            string workRoot = Path.Combine(Path.GetTempPath(), "psc-fuzz-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string failuresDir = Path.Combine(workRoot, "failures");
            var outcomes = new ConcurrentBag<Outcome>();
            int workers = Math.Max(1, Math.Min(4, System.Environment.ProcessorCount));
            var watch = Stopwatch.StartNew();
            try
            {
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
                {
                    var copies = new Dictionary<string, string>();
                    for (int k = worker; k < indexes.Length; k += workers)
                        outcomes.Add(RunOne(indexes[k], seeds, copies, Path.Combine(workRoot, "w" + worker), failuresDir));
                });
            }
            finally
            {
                foreach (string dir in Directory.Exists(workRoot) ? Directory.GetDirectories(workRoot) : new string[0])
                    if (Path.GetFileName(dir) != "failures") TryDelete(dir);
            }

            List<Outcome> all = outcomes.OrderBy(x => x.Index).ToList();
            List<Outcome> failures = all.Where(x => x.Failure != null).ToList();
            output.WriteLine($"inputs: {all.Count}; loaded: {all.Count(x => x.Loaded)}; ComposeFileException: {all.Count(x => !x.Loaded && x.Failure == null)}; " +
                $"other outcomes: {failures.Count}; {watch.Elapsed.TotalSeconds:F1} s on {workers} workers");
            double[] times = all.Select(x => x.Milliseconds).OrderBy(x => x).ToArray();
            if (times.Length > 0) output.WriteLine($"per input: median {times[times.Length / 2]:F1} ms, p90 {times[times.Length * 9 / 10]:F1} ms");
            output.WriteLine("slowest: " + string.Join("; ", all.OrderByDescending(x => x.Milliseconds).Take(5).Select(x => $"#{x.Index} {x.Description} {x.Milliseconds:F0} ms")));
            foreach (Outcome f in failures.Take(200)) output.WriteLine($"#{f.Index} {f.Description}: {f.Failure}");
            Assert.True(failures.Count == 0, $"{failures.Count} inputs ended in something other than a model or ComposeFileException:\n" +
                string.Join("\n", failures.Take(50).Select(f => $"#{f.Index} {f.Description}: {f.Failure}")));
        }

        private static Outcome RunOne(int index, IReadOnlyList<FuzzSeed> seeds, Dictionary<string, string> copies, string workerRoot, string failuresDir)
        {
            var random = new Random(Seed + index);
            FuzzSeed seed = seeds[random.Next(seeds.Count)];
            // Mostly the first compose file; env files and other files now and then.
            string relative = random.Next(4) == 0 ? seed.MutableFiles[random.Next(seed.MutableFiles.Count)] : seed.MutableFiles[0];
            if (!copies.TryGetValue(seed.Name, out string root))
                copies[seed.Name] = root = CopyDirectory(seed.SourceDirectory, Path.Combine(workerRoot, Guid.NewGuid().ToString("N").Substring(0, 8), seed.Name));

            string target = Path.Combine(root, relative);
            byte[] original = File.ReadAllBytes(target);
            (byte[] mutated, string how, Dictionary<string, string> extra) = Mutator.Mutate(original, random);
            File.WriteAllBytes(target, mutated);
            var extraPaths = (extra ?? new Dictionary<string, string>()).Select(e => Path.Combine(Path.GetDirectoryName(target), e.Key)).ToList();
            foreach (var e in extra ?? new Dictionary<string, string>()) File.WriteAllText(Path.Combine(Path.GetDirectoryName(target), e.Key), e.Value);

            var outcome = new Outcome { Index = index, Description = $"{seed.Name}/{relative} ({how})" };
            var watch = Stopwatch.StartNew();
            outcome.Failure = Attempt(seed.Options(root), out outcome.Loaded, out bool hung);
            outcome.Milliseconds = watch.Elapsed.TotalMilliseconds;
            if (outcome.Failure != null)
            {
                Directory.CreateDirectory(failuresDir);
                string saved = Path.Combine(failuresDir, $"{index}-{seed.Name}-{Path.GetFileName(relative)}");
                File.WriteAllBytes(saved, mutated);
                outcome.Failure += $" [input saved at {saved}]";
            }

            if (hung)
            {
                copies.Remove(seed.Name); // the hung load may still read this copy: use a fresh one
            }
            else
            {
                File.WriteAllBytes(target, original);
                foreach (string path in extraPaths) File.Delete(path);
            }
            return outcome;
        }

        /// <summary>null when a model came back or a ComposeFileException was thrown, otherwise what went wrong.</summary>
        private static string Attempt(LoadOptions options, out bool loaded, out bool hung)
        {
            loaded = hung = false;
            // A 1 MB stack, as a PowerShell pipeline thread may have: a stack overflow kills the run.
            Exception error = null;
            ProjectModel model = null;
            var thread = new Thread(() =>
            {
                try { model = ProjectLoader.Load(options); }
                catch (Exception e) { error = e; }
            }, OneMegabyteStack) { IsBackground = true };
            thread.Start();
            try
            {
                if (!thread.Join(PerInputTimeout))
                {
                    hung = true;
                    return $"no result after {PerInputTimeout.TotalSeconds:F0} s";
                }
                if (error != null) throw new AggregateException(error);
                if (model == null) return "null model";
                loaded = true;
                return null;
            }
            catch (AggregateException e) when (e.InnerException is ComposeFileException)
            {
                return null;
            }
            catch (AggregateException e)
            {
                Exception inner = e.InnerException;
                string frame = inner?.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
                return $"{inner?.GetType().FullName}: {inner?.Message} {frame}";
            }
        }

        private static string CopyDirectory(string source, string destination)
        {
            foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(destination, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to));
                File.Copy(file, to);
            }
            return destination;
        }

        private static void TryDelete(string dir)
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
