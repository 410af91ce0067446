using PSCompose.Common;
using System;
using System.Text;

namespace PSCompose.Model.Canonical
{
    /// <summary>
    /// compose-go format.ParseVolume: "[source:]target[:options]" to the long syntax. A source starting with
    /// '.', '/', '~', '\\' or a Windows drive is a bind mount (create_host_path: true), anything else a named volume
    /// (volume: {}); options ro/rw/nocopy, propagation modes and z/Z; unknown options are ignored.
    /// </summary>
    internal static class VolumeShortSyntax
    {
        public static YMap Parse(string spec)
        {
            string source = "", target = "";
            bool readOnly = false;
            YMap bind = null, volume = null;
            if (spec.Length == 0) throw new FormatException("invalid empty volume spec");
            if (spec.Length <= 2)
                return Build("volume", "", spec, false, null, new YMap());

            var buffer = new StringBuilder();
            string text = spec + "\0";
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool end = i == text.Length - 1;
                if (c == ':' && buffer.Length == 1 && char.IsLetter(buffer[0]))
                {
                    buffer.Append(c);
                    continue;
                }
                if (c != ':' && !end)
                {
                    buffer.Append(c);
                    continue;
                }
                string part = buffer.ToString();
                buffer.Clear();
                if (part.Length == 0) throw new FormatException("invalid spec: " + spec + ": empty section between colons");
                if (source.Length == 0 && end) { target = part; continue; }
                if (source.Length == 0) { source = part; continue; }
                if (target.Length == 0) { target = part; continue; }
                if (!end) throw new FormatException("invalid spec: " + spec + ": too many colons");
                foreach (string option in part.Split(','))
                {
                    switch (option)
                    {
                        case "ro": readOnly = true; break;
                        case "rw": readOnly = false; break;
                        case "nocopy": volume = new YMap { ["nocopy"] = true }; break;
                        case "rprivate": case "private": case "rshared": case "shared": case "rslave": case "slave":
                            bind = bind ?? new YMap();
                            bind["propagation"] = option;
                            break;
                        case "z": case "Z":
                            bind = bind ?? new YMap();
                            bind["selinux"] = option;
                            break;
                    }
                }
            }
            target = CleanTarget(target);
            if (IsFilePath(source))
            {
                bind = bind ?? new YMap();
                bind["create_host_path"] = true;
                return Build("bind", source, target, readOnly, bind, volume);
            }
            return Build("volume", source, target, readOnly, bind, volume ?? new YMap());
        }

        private static YMap Build(string type, string source, string target, bool readOnly, YMap bind, YMap volume)
        {
            var result = new YMap { ["type"] = type };
            if (source.Length > 0) result["source"] = source;
            result["target"] = target;
            if (readOnly) result["read_only"] = true;
            if (bind != null) result["bind"] = bind;
            if (volume != null) result["volume"] = volume;
            return result;
        }

        public static bool IsFilePath(string source)
        {
            if (string.IsNullOrEmpty(source)) return false;
            char first = source[0];
            if (first == '.' || first == '/' || first == '~') return true;
            if (source.StartsWith("\\\\", StringComparison.Ordinal)) return true;
            return source.Length > 1 && char.IsLetter(first) && source[1] == ':';
        }

        /// <summary>Go's path.Clean, for container paths.</summary>
        public static string CleanTarget(string target) => string.IsNullOrEmpty(target) ? target : GoPath.Clean(target);
    }
}
