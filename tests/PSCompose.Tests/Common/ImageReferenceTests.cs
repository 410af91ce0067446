using PSCompose.Common;
using Xunit;

namespace PSCompose.Tests.Common
{
    public class ImageReferenceTests
    {
        [Theory]
        [InlineData("busybox", "busybox", "latest", null, "docker.io")]
        [InlineData("library/busybox:1.36", "library/busybox", "1.36", null, "docker.io")]
        [InlineData("127.0.0.1:5000/psc-test/busybox:x", "127.0.0.1:5000/psc-test/busybox", "x", null, "127.0.0.1:5000")]
        [InlineData("localhost/app", "localhost/app", "latest", null, "localhost")]
        [InlineData("ghcr.io/o/app@sha256:abc", "ghcr.io/o/app", null, "sha256:abc", "ghcr.io")]
        [InlineData("pscompose/busybox:latest", "pscompose/busybox", "latest", null, "docker.io")]
        public void Parse(string reference, string repository, string tag, string digest, string registry)
        {
            ImageReference r = ImageReference.Parse(reference);
            Assert.Equal(repository, r.Repository);
            Assert.Equal(tag, r.Tag);
            Assert.Equal(digest, r.Digest);
            Assert.Equal(registry, r.Registry);
        }

        [Theory]
        [InlineData("nginx", "nginx:latest")]
        [InlineData("nginx:1.27", "nginx:1.27")]
        [InlineData("docker.io/library/redis", "redis:latest")]
        [InlineData("index.docker.io/library/redis:7", "redis:7")]
        [InlineData("docker.io/bitnami/redis:7", "bitnami/redis:7")]
        [InlineData("library/a/b", "library/a/b:latest")]
        [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000/app:latest")]
        [InlineData("127.0.0.1:5000/app:2", "127.0.0.1:5000/app:2")]
        [InlineData("alpine@sha256:abc", "alpine@sha256:abc")]
        [InlineData("docker.io/library/alpine:3@sha256:abc", "alpine:3@sha256:abc")]
        public void Familiar(string input, string familiar)
        {
            Assert.Equal(familiar, ImageReference.Familiar(input));
        }

        // distribution's ParseDockerRef, as Compose writes a pinned image: docker.io/library/ filled in, :latest
        // added only when there is neither tag nor digest.
        [Theory]
        [InlineData("nginx", "docker.io/library/nginx:latest")]
        [InlineData("bitnami/redis:7", "docker.io/bitnami/redis:7")]
        [InlineData("index.docker.io/library/redis:7", "docker.io/library/redis:7")]
        [InlineData("127.0.0.1:5000/a/b", "127.0.0.1:5000/a/b:latest")]
        [InlineData("localhost/app:2", "localhost/app:2")]
        [InlineData("alpine@sha256:abc", "docker.io/library/alpine@sha256:abc")]
        [InlineData("alpine:3@sha256:abc", "docker.io/library/alpine:3@sha256:abc")]
        public void Normalized(string input, string normalized)
        {
            Assert.Equal(normalized, ImageReference.Parse(input).Normalized);
        }
    }
}
