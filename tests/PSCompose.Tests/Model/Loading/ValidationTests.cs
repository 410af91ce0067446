using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    // Expected messages: docker compose 2.40.3 `config` on the same file (compose-go validation.Validate).
    public class ValidationTests
    {
        [Theory]
        [InlineData("services:\n  a:\n    image: x\n    volumes: [\"vv:/x\"]\nvolumes:\n  vv:\n    external: true\n    driver: local\n", "volumes.vv: conflicting parameters \"external\" and \"driver\" specified")]
        [InlineData("services:\n  a:\n    image: x\n    configs: [c]\nconfigs:\n  c: {file: ./a, environment: B}\n", "configs.c: file|environment|content attributes are mutually exclusive")]
        [InlineData("services:\n  a:\n    image: x\n    configs: [c]\nconfigs:\n  c: {}\n", "configs.c: one of file|environment|content must be set")]
        [InlineData("services:\n  a:\n    image: x\nsecrets:\n  s: {}\n", "secrets.s: one of file|environment must be set")]
        [InlineData("services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        host_ip: notanip\n", "services.a.ports.[]: invalid ip address: notanip")]
        [InlineData("services:\n  a:\n    image: x\n    develop: {watch: [{path: \"\", action: rebuild}]}\n", "services.a.develop.watch.[].path: value can't be blank")]
        [InlineData("services:\n  a:\n    image: x\n    gpus: [{driver: nvidia, count: 1, device_ids: [\"0\"]}]\n", "services.a.gpus.[]: \"count\" and \"device_ids\" attributes are exclusive")]
        public void RulesBeyondTheSchema(string yaml, string message)
        {
            using var p = new TempProject();
            p.Write("compose.yaml", yaml);
            var e = Assert.Throws<ComposeFileException>(() => p.Load());
            Assert.Equal(message, e.Message);
            Assert.Equal(ErrorIds.FileInvalid, e.ErrorId);
        }

        [Fact]
        public void ExternalNetworkWithDriverIsAccepted()
        {
            using var p = new TempProject();
            p.Write("compose.yaml", "services:\n  a:\n    image: x\nnetworks:\n  n:\n    external: true\n    driver: bridge\n");
            Assert.NotNull(p.Load().Service("a"));
        }
    }
}
