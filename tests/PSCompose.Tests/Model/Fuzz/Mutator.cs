using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PSCompose.Tests.Model.Fuzz
{
    /// <summary>
    /// Derives a malformed or odd input from a seed text. Each mutation is named so a failure report says how
    /// the input was made; the same Random state gives the same result.
    /// </summary>
    internal static class Mutator
    {
        private static readonly string[] Tokens =
        {
            "$", "{", "}", ":", "&", "*", "${", "$$", "${X:-", "${X:?", "}}", "&a ", "*a", "<<: *a", "!reset ", "!override ",
            "- ", "\"", "'", "[", "]", "#", "\t", "? ", "|", ">", "%", "@", "`", "!!binary ", "\\", "\0", "\u00e9", "~",
        };

        /// <returns>The mutated file, how it was made, and files to write next to it (deep include chains).</returns>
        public static (byte[] Data, string Description, Dictionary<string, string> Extra) Mutate(byte[] seed, Random random)
        {
            // One input in a hundred is generated and one in fifty nests deeply (both cost far more than a
            // mutation); the rest mutate the seed.
            if (random.Next(100) == 0) return (Encoding.UTF8.GetBytes(Generate(random, out string what)), what, null);
            if (random.Next(50) == 0)
            {
                var (text, extra, description) = DeepNesting.Generate(random);
                return (Encoding.UTF8.GetBytes(text), description, extra);
            }
            var (data, how) = MutateSeed(seed, random);
            return (data, how, null);
        }

        private static (byte[] Data, string Description) MutateSeed(byte[] seed, Random random)
        {
            switch (random.Next(10))
            {
                case 0: return FlipBytes(seed, random);
                case 1: return DeleteLines(seed, random);
                case 2: return DuplicateLines(seed, random);
                case 3: return Reindent(seed, random);
                case 4:
                case 5:
                case 6: return InsertTokens(seed, random);
                case 7: return Truncate(seed, random);
                case 8: return SwapLines(seed, random);
                default: return Stack(seed, random);
            }
        }

        private static (byte[], string) FlipBytes(byte[] seed, Random random)
        {
            byte[] data = (byte[])seed.Clone();
            int n = 1 + random.Next(4);
            for (int i = 0; i < n && data.Length > 0; i++)
            {
                int at = random.Next(data.Length);
                data[at] = random.Next(2) == 0 ? (byte)(data[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
            }
            return (data, $"flip {n} bytes");
        }

        private static List<string> Lines(byte[] seed) => Encoding.UTF8.GetString(seed).Split('\n').ToList();

        private static byte[] Join(List<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

        private static (byte[], string) DeleteLines(byte[] seed, Random random)
        {
            List<string> lines = Lines(seed);
            int n = 1 + random.Next(3);
            for (int i = 0; i < n && lines.Count > 0; i++) lines.RemoveAt(random.Next(lines.Count));
            return (Join(lines), $"delete {n} lines");
        }

        private static (byte[], string) DuplicateLines(byte[] seed, Random random)
        {
            List<string> lines = Lines(seed);
            int at = random.Next(lines.Count), count = 1 + random.Next(Math.Min(4, lines.Count - at));
            lines.InsertRange(at + count, lines.GetRange(at, count));
            return (Join(lines), $"duplicate lines {at}+{count}");
        }

        private static (byte[], string) SwapLines(byte[] seed, Random random)
        {
            List<string> lines = Lines(seed);
            int a = random.Next(lines.Count), b = random.Next(lines.Count);
            (lines[a], lines[b]) = (lines[b], lines[a]);
            return (Join(lines), $"swap lines {a} {b}");
        }

        private static (byte[], string) Reindent(byte[] seed, Random random)
        {
            List<string> lines = Lines(seed);
            int at = random.Next(lines.Count), delta = random.Next(-4, 5);
            string line = lines[at];
            lines[at] = delta >= 0 ? new string(' ', delta) + line : line.Substring(Math.Min(-delta, line.Length - line.TrimStart(' ').Length));
            return (Join(lines), $"reindent line {at} by {delta}");
        }

        private static (byte[], string) InsertTokens(byte[] seed, Random random)
        {
            string text = Encoding.UTF8.GetString(seed);
            var sb = new StringBuilder(text);
            int n = 1 + random.Next(3);
            var inserted = new List<string>();
            for (int i = 0; i < n; i++)
            {
                string token = Tokens[random.Next(Tokens.Length)];
                sb.Insert(random.Next(sb.Length + 1), token);
                inserted.Add(token.Replace("\0", "\\0").Replace("\t", "\\t"));
            }
            return (Encoding.UTF8.GetBytes(sb.ToString()), "insert " + string.Join(" ", inserted));
        }

        private static (byte[], string) Truncate(byte[] seed, Random random)
        {
            int length = random.Next(seed.Length + 1);
            return (seed.Take(length).ToArray(), $"truncate at {length}");
        }

        private static (byte[], string) Stack(byte[] seed, Random random)
        {
            (byte[] once, string first) = InsertTokens(seed, random);
            (byte[] twice, string second) = random.Next(2) == 0 ? DeleteLines(once, random) : Reindent(once, random);
            return (twice, first + "; " + second);
        }

        /// <summary>Inputs no seed contains: deep nesting, alias bombs, long scalars, many keys.</summary>
        private static string Generate(Random random, out string description)
        {
            switch (random.Next(6))
            {
                case 0:
                {
                    int depth = 50 + random.Next(400);
                    description = $"nested mappings depth {depth}";
                    var sb = new StringBuilder("services:\n  a:\n    image: foo\n    x-deep:\n");
                    for (int i = 0; i < depth; i++) sb.Append(' ', 6 + i * 2).Append("k").Append(i).Append(":\n");
                    sb.Append(' ', 6 + depth * 2).Append("leaf: 1\n");
                    return sb.ToString();
                }
                case 1:
                {
                    int depth = 50 + random.Next(800);
                    description = $"nested flow sequences depth {depth}";
                    return "services:\n  a:\n    image: foo\n    x-deep: " + new string('[', depth) + "1" + new string(']', depth) + "\n";
                }
                case 2:
                {
                    int levels = 6 + random.Next(4);
                    description = $"alias bomb {levels} levels x10";
                    var sb = new StringBuilder("x-l0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                    for (int i = 1; i <= levels; i++)
                        sb.Append("x-l").Append(i).Append(": &l").Append(i).Append(" [")
                            .Append(string.Join(",", Enumerable.Repeat("*l" + (i - 1), 10))).Append("]\n");
                    sb.Append("services:\n  a:\n    image: foo\n    command: *l").Append(levels).Append('\n');
                    return sb.ToString();
                }
                case 3:
                {
                    int levels = 4 + random.Next(4);
                    description = $"merge-key bomb {levels} levels";
                    var sb = new StringBuilder("x-m0: &m0 {a0: 1, b0: 2, c0: 3}\n");
                    for (int i = 1; i <= levels; i++)
                        sb.Append("x-m").Append(i).Append(": &m").Append(i).Append(" {<<: [*m").Append(i - 1).Append("], k").Append(i).Append(": *m").Append(i - 1)
                            .Append(", j").Append(i).Append(": *m").Append(i - 1).Append("}\n");
                    sb.Append("services:\n  a:\n    image: foo\n    labels:\n      <<: *m").Append(levels).Append('\n');
                    return sb.ToString();
                }
                case 4:
                {
                    // docker compose itself needs ~45 s for 150,000 characters of this (its template matching is
                    // super-linear), so the size stays where the reference answers well within the timeout.
                    int length = 1_000 + random.Next(9_000);
                    description = $"interpolation-heavy scalar of {length} chars";
                    var sb = new StringBuilder("services:\n  a:\n    image: \"");
                    while (sb.Length < length) sb.Append(random.Next(3) == 0 ? "${A:-${B:-" : random.Next(2) == 0 ? "}" : "$$x");
                    return sb.Append("\"\n").ToString();
                }
                default:
                {
                    int count = 200 + random.Next(1300);
                    description = $"{count} services with cross references";
                    var sb = new StringBuilder("services:\n");
                    for (int i = 0; i < count; i++)
                        sb.Append("  s").Append(i).Append(":\n    image: foo\n    depends_on: [s").Append(random.Next(count)).Append("]\n");
                    return sb.ToString();
                }
            }
        }
    }
}
