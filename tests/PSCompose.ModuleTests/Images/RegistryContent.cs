using System;
using System.Collections.Generic;
using System.IO;
using PSCompose.Testing;

namespace PSCompose.ModuleTests.Images
{
    /// <summary>
    /// Two local images with different content (A and B) and a repository of the local registry
    /// (127.0.0.1:5000) to push either of them under a tag: "new content under the same tag".
    /// </summary>
    internal sealed class RegistryContent : IDisposable
    {
        private readonly string dir;
        private readonly HashSet<string> tagged = new HashSet<string>();

        public RegistryContent(string prefix)
        {
            string unique = prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Repository = "127.0.0.1:5000/" + unique + "/app";
            dir = Path.Combine(Path.GetTempPath(), unique + "-content");
            Directory.CreateDirectory(dir);
            A = BuildContent("A");
            B = BuildContent("B");
        }

        public string Repository { get; }

        /// <summary>Image id of content A.</summary>
        public string A { get; }

        /// <summary>Image id of content B.</summary>
        public string B { get; }

        public string Ref(string tag) => Repository + ":" + tag;

        /// <summary>Pushes the content under the tag; the local tag keeps pointing at it.</summary>
        public void Push(string tag, string contentId)
        {
            SetLocal(tag, contentId);
            Docker.Run("push", "-q", Ref(tag)).Check();
        }

        /// <summary>Points the local tag at the content (the registry is not touched).</summary>
        public void SetLocal(string tag, string contentId)
        {
            Docker.Run("tag", contentId, Ref(tag)).Check();
            tagged.Add(Ref(tag));
        }

        public string LocalId(string tag) =>
            Docker.Run("image", "inspect", "--format", "{{.Id}}", Ref(tag)).Check().Stdout.Trim();

        private string BuildContent(string content)
        {
            string file = Path.Combine(dir, "Dockerfile." + content);
            File.WriteAllText(file, "FROM pscompose/busybox:latest\nLABEL pscompose.test.content=" + content + "\n");
            string tag = Repository + ":content-" + content;
            Docker.RunIn(dir, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" }, "build", "-q", "-f", file, "-t", tag, dir).Check();
            tagged.Add(tag);
            return Docker.Run("image", "inspect", "--format", "{{.Id}}", tag).Check().Stdout.Trim();
        }

        public void Dispose()
        {
            foreach (string tag in tagged) Docker.Run("rmi", "-f", tag);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
