using System;
using System.IO;
using System.Management.Automation;
using System.Text;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Get-ComposeConfig -OutFile (docker compose config -o): the text written whole — to a temporary file beside
    /// the target, then moved over it — so a failure never leaves a partial or emptied file behind.
    /// </summary>
    internal static class ConfigOutFile
    {
        public static void Write(Cmdlet cmdlet, string path, string text)
        {
            if (!cmdlet.ShouldProcess(path, "Write the Compose configuration")) return;
            string directory = Path.GetDirectoryName(path);
            string temp = Path.Combine(string.IsNullOrEmpty(directory) ? "." : directory,
                "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                File.WriteAllText(temp, text, new UTF8Encoding(false));
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                throw new ComposeException(ErrorIds.ConfigOutFileFailed, $"cannot write the configuration to {path}: {e.Message}", path, e);
            }
        }
    }
}
