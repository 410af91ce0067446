using System.Collections.Generic;

namespace PSCompose.Model.Loading
{
    /// <summary>Just enough of compose-go's format.ParseVolume to find a short-syntax volume's container target.</summary>
    internal static class VolumeSpec
    {
        public static string Target(string spec)
        {
            var parts = Split(spec);
            if (parts.Count == 1) return parts[0];
            return parts[1];
        }

        // Splits on ':' except the one after a Windows drive letter (C:\x or C:/x) at the start of a part.
        private static List<string> Split(string spec)
        {
            var parts = new List<string>();
            int start = 0;
            for (int i = 0; i < spec.Length; i++)
            {
                if (spec[i] != ':') continue;
                bool driveLetter = i - start == 1 && char.IsLetter(spec[start])
                    && i + 1 < spec.Length && (spec[i + 1] == '\\' || spec[i + 1] == '/');
                if (driveLetter) continue;
                parts.Add(spec.Substring(start, i - start));
                start = i + 1;
            }
            parts.Add(spec.Substring(start));
            return parts;
        }
    }
}
