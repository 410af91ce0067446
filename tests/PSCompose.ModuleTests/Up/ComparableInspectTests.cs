using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace PSCompose.ModuleTests.Up
{
    public class ComparableInspectTests
    {
        private static Dictionary<string, string> Of(string cmd, string env, string aliases, string mounts) =>
            ComparableInspect.Of(JsonDocument.Parse(
                "{\"Id\":\"0123456789ab" + new string('0', 52) + "\"," +
                "\"Config\":{\"Cmd\":" + cmd + ",\"Env\":" + env + "}," +
                "\"HostConfig\":{\"Mounts\":" + mounts + "}," +
                "\"NetworkSettings\":{\"Networks\":{\"myproj_default\":{\"Aliases\":" + aliases + "}}}}").RootElement, "myproj");

        private const string Cmd = "[\"sh\",\"-c\",\"sleep 1\"]", Env = "[\"A=1\",\"B=2\"]", Aliases = "[\"myproj-web-1\",\"web\",\"0123456789ab\"]";
        private const string Mounts = "[{\"Type\":\"volume\",\"Target\":\"/a\",\"VolumeOptions\":{}},{\"Type\":\"tmpfs\",\"Target\":\"/b\"}]";

        [Fact]
        public void CommandOrder_IsADifference()
        {
            var differences = ComparableInspect.Differences(Of(Cmd, Env, Aliases, Mounts), Of("[\"-c\",\"sh\",\"sleep 1\"]", Env, Aliases, Mounts));
            Assert.Equal("Config.Cmd: ours [sh, -c, sleep 1], docker compose [-c, sh, sleep 1]", Assert.Single(differences));
        }

        [Fact]
        public void AliasOrder_IsADifference_TheEngineAddedShortIdIsNot()
        {
            var differences = ComparableInspect.Differences(Of(Cmd, Env, Aliases, Mounts), Of(Cmd, Env, "[\"web\",\"myproj-web-1\"]", Mounts));
            Assert.StartsWith("Networks.<project>_default.Aliases:", Assert.Single(differences));
        }

        [Fact]
        public void WhatComposeSendsInGoMapOrder_IsComparedAsASet()
        {
            string mountsReversed = "[{\"Type\":\"tmpfs\",\"Target\":\"/b\"},{\"Type\":\"volume\",\"Target\":\"/a\"}]";
            Assert.Empty(ComparableInspect.Differences(Of(Cmd, Env, Aliases, Mounts), Of(Cmd, "[\"B=2\",\"A=1\"]", Aliases, mountsReversed)));
            Assert.Single(ComparableInspect.Differences(Of(Cmd, Env, Aliases, Mounts), Of(Cmd, "[\"A=1\",\"B=3\"]", Aliases, Mounts)));
        }
    }
}
