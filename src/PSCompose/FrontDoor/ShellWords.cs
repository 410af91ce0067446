using System.Collections.Generic;
using System.Text;

namespace PSCompose.FrontDoor
{
    /// <summary>Splits a string into words as a POSIX shell would (quotes and backslashes), as Compose splits run --entrypoint.</summary>
    internal static class ShellWords
    {
        public static string[] Split(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            bool inWord = false;
            char quote = '\0';
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                    else if (c == '\\' && quote == '"' && i + 1 < line.Length) word.Append(line[++i]);
                    else word.Append(c);
                }
                else if (c == '\'' || c == '"') { quote = c; inWord = true; }
                else if (c == '\\' && i + 1 < line.Length) { word.Append(line[++i]); inWord = true; }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord) words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                else { word.Append(c); inWord = true; }
            }
            if (inWord) words.Add(word.ToString());
            return words.ToArray();
        }
    }
}
