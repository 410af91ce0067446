using System;
using System.Linq;

namespace PSCompose.Model.Loading
{
    /// <summary>
    /// A dotted key path into the document (services.web.ports), matched against patterns where '*' stands for
    /// any one segment, like compose-go's tree.Path.
    /// </summary>
    internal readonly struct TreePath
    {
        private readonly string[] segments;

        private TreePath(string[] segments) => this.segments = segments;

        public static TreePath Root => new TreePath(new string[0]);

        public static TreePath Of(params string[] segments) => new TreePath(segments);

        public int Length => segments?.Length ?? 0;

        public string Last => Length == 0 ? null : segments[segments.Length - 1];

        public TreePath Next(string segment)
        {
            var next = new string[Length + 1];
            if (Length > 0) Array.Copy(segments, next, Length);
            next[Length] = segment;
            return new TreePath(next);
        }

        public string this[int index] => segments[index];

        /// <summary>True when the path has as many segments as the pattern and each matches it or a '*'.</summary>
        public bool Matches(string pattern)
        {
            var parts = pattern.Split('.');
            if (parts.Length != Length) return false;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i] != "*" && parts[i] != segments[i]) return false;
            }
            return true;
        }

        public override string ToString() => Length == 0 ? "" : string.Join(".", segments.Select(s => s));
    }
}
