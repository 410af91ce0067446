using System.Collections.Generic;

namespace PSCompose.Common
{
    /// <summary>Go's path.Clean / path.Dir / filepath.Match syntax check, on slash-separated paths.</summary>
    internal static class GoPath
    {
        public static string Clean(string path)
        {
            if (string.IsNullOrEmpty(path)) return ".";
            bool rooted = path[0] == '/';
            var parts = new List<string>();
            foreach (string part in path.Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == "..")
                {
                    if (parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                    else if (!rooted) parts.Add("..");
                    continue;
                }
                parts.Add(part);
            }
            string joined = string.Join("/", parts);
            if (rooted) return "/" + joined;
            return joined.Length == 0 ? "." : joined;
        }

        public static string Dir(string path)
        {
            int slash = path.LastIndexOf('/');
            return Clean(slash < 0 ? "" : path.Substring(0, slash + 1));
        }

        /// <summary>Go's path.Base: the last element, trailing slashes ignored; "/" for the root, "." for "".</summary>
        public static string Base(string path)
        {
            if (string.IsNullOrEmpty(path)) return ".";
            string trimmed = path.TrimEnd('/');
            if (trimmed.Length == 0) return "/";
            int slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
        }

        /// <summary>False when Go's filepath.Match would return ErrBadPattern (malformed class or trailing backslash).</summary>
        public static bool IsValidMatchPattern(string pattern)
        {
            int i = 0;
            while (i < pattern.Length)
            {
                char c = pattern[i];
                if (c == '\\')
                {
                    if (i + 1 >= pattern.Length) return false;
                    i += 2;
                }
                else if (c == '[')
                {
                    i++;
                    if (i < pattern.Length && pattern[i] == '^') i++;
                    int ranges = 0;
                    while (true)
                    {
                        if (i < pattern.Length && pattern[i] == ']' && ranges > 0)
                        {
                            i++;
                            break;
                        }
                        if (!ClassChar(pattern, ref i)) return false;
                        if (i < pattern.Length && pattern[i] == '-')
                        {
                            i++;
                            if (!ClassChar(pattern, ref i)) return false;
                        }
                        ranges++;
                    }
                }
                else i++;
            }
            return true;
        }

        /// <summary>getEsc: one (possibly escaped) class character that must be followed by more pattern.</summary>
        private static bool ClassChar(string p, ref int i)
        {
            if (i >= p.Length || p[i] == '-' || p[i] == ']') return false;
            if (p[i] == '\\')
            {
                i++;
                if (i >= p.Length) return false;
            }
            i += char.IsHighSurrogate(p[i]) && i + 1 < p.Length ? 2 : 1;
            return i < p.Length;
        }
    }
}
