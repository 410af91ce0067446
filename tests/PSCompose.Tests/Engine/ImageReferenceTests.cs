using PSCompose.Engine;
using Xunit;

namespace PSCompose.Tests.Engine
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
    }
}
