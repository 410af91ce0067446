using System.Collections.Generic;
using System.Linq;
using PSCompose.Model;
using PSCompose.Model.Loading;
using Xunit;

namespace PSCompose.Tests.Model.Loading
{
    public class MergeTests
    {
        public static IEnumerable<object[]> Cases => MergeCases.All.Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(Cases))]
        public void MergesLikeComposeGo(string name)
        {
            var c = MergeCases.All.Single(x => x.Name == name);
            var merged = Uniqueness.Enforce(Merger.Merge(TestYaml.Map(c.Base), TestYaml.Map(c.Override)));
            TestYaml.AssertDeepEqual(TestYaml.Map(c.Want), merged);
        }

        [Fact]
        public void ThreeLayersMergeInOrder()
        {
            var merged = Merger.Merge(Merger.Merge(new YMap(), TestYaml.Map("services: {test: {image: foo, scale: 1}}")),
                TestYaml.Map("services: {test: {image: bar}}"));
            merged = Merger.Merge(merged, TestYaml.Map("services: {test: {scale: 2}}"));
            TestYaml.AssertDeepEqual(TestYaml.Map("services: {test: {image: bar, scale: 2}}"), merged);
        }

        [Fact]
        public void EnvironmentUnicityKeepsLastValuePerKeyInFirstPosition()
        {
            var doc = Uniqueness.Enforce(TestYaml.Map("services: {test: {environment: [FOO=BAR, BAR=QIX, QIX=, ZOT, FOO=ZOT, QIX, ZOT=]}}"));
            TestYaml.AssertDeepEqual(TestYaml.Map("services: {test: {environment: [FOO=ZOT, BAR=QIX, QIX, ZOT=]}}"), doc);
        }

        [Fact]
        public void VolumeUnicityByTarget()
        {
            var doc = Uniqueness.Enforce(TestYaml.Map("services: {test: {volumes: ['.:/foo', 'foo:/bar', 'src:/foo']}}"));
            TestYaml.AssertDeepEqual(TestYaml.Map("services: {test: {volumes: ['src:/foo', 'foo:/bar']}}"), doc);
        }

        [Fact]
        public void ShortPortsUnicityByRawString()
        {
            var doc = Uniqueness.Enforce(TestYaml.Map("services: {test: {ports: ['9080:80', '9081:81', '9080:80', '5000', '6060:6060/udp', '9080:6060/udp']}}"));
            TestYaml.AssertDeepEqual(TestYaml.Map("services: {test: {ports: ['9080:80', '9081:81', '5000', '6060:6060/udp', '9080:6060/udp']}}"), doc);
        }

        [Fact]
        public void LongPortsUnicityByHostPublishedTargetProtocol()
        {
            var doc = Uniqueness.Enforce(TestYaml.Map("""
services:
  test:
    ports:
      - {target: 80, host_ip: 127.0.0.1, published: "8080", protocol: tcp, mode: host}
      - {target: 81, published: "8080", protocol: tcp}
      - {target: 80, host_ip: 127.0.0.2, published: "8080", protocol: tcp}
      - {target: 81, published: "8080", protocol: tcp}
"""));
            Assert.Equal(3, ((YMap)((YMap)doc["services"])["test"]).List("ports").Count);
        }

        [Fact]
        public void ResetInsideExtendsIsKeptForLaterFiles()
        {
            var extended = Merger.ExtendService(TestYaml.Map("{image: foo, ports: ['80:80']}"), TestYaml.Map("ports: !reset []"));
            Assert.IsType<TaggedValue>(extended["ports"]);
            var merged = Merger.Merge(TestYaml.Map("services: {web: {ports: ['70:70']}}"), new YMap { ["services"] = new YMap { ["web"] = extended } });
            TestYaml.AssertDeepEqual(TestYaml.Map("services: {web: {image: foo}}"), merged);
        }
    }
}
