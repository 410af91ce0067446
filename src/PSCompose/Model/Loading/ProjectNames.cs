using System.Linq;
using System.Text;

namespace PSCompose.Model.Loading
{
    /// <summary>compose-go NormalizeProjectName and the strict check applied to -p / COMPOSE_PROJECT_NAME.</summary>
    internal static class ProjectNames
    {
        /// <summary>Lowercase, keep [a-z0-9_-], then trim leading '_' and '-'.</summary>
        public static string Normalize(string name)
        {
            if (string.IsNullOrEmpty(name)) return "";
            var sb = new StringBuilder();
            foreach (char c in name.ToLowerInvariant())
            {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') sb.Append(c);
            }
            return sb.ToString().TrimStart('_', '-');
        }

        /// <summary>A name given imperatively must already be in normal form.</summary>
        public static void EnsureValid(string name)
        {
            if (Normalize(name) != name)
            {
                throw new ComposeFileException(ErrorIds.ProjectNameInvalid,
                    $"invalid project name {GoQuote(name)}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number", target: name);
            }
        }

        /// <summary>Go's %q for the strings that appear in messages.</summary>
        public static string GoQuote(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\r': sb.Append("\\r"); break;
                    default:
                        if (c < 0x20) sb.Append("\\x").Append(((int)c).ToString("x2"));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }
    }
}
