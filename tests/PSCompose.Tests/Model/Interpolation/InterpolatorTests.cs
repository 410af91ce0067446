using System.Collections.Generic;
using PSCompose.Model;
using PSCompose.Model.Interpolation;
using PSCompose.Model.Yaml;
using Xunit;

namespace PSCompose.Tests.Model.Interpolation
{
    /// <summary>Expected values and messages come from `docker compose config` 2.40.3 on the same YAML.</summary>
    public class InterpolatorTests
    {
        private const string File = "/p/compose.yaml";

        private static YMap Load(string yaml) => (YMap)YamlReader.ReadDocuments(yaml, File)[0];

        private static YMap Interpolate(string yaml, Dictionary<string, string> env, List<string> warnings = null)
        {
            YMap doc = Load(yaml);
            Interpolator.Interpolate(doc, File, k => env.TryGetValue(k, out string v) ? v : null, w => warnings?.Add(w));
            return doc;
        }

        private static ComposeFileException Fails(string yaml, Dictionary<string, string> env) =>
            Assert.Throws<ComposeFileException>(() => Interpolate(yaml, env));

        private const string Typed = @"
name: ${NAME}
services:
  web:
    image: ${IMAGE:-busybox}
    scale: ""${S}""
    tty: ""${T}""
    ports:
      - target: ""${P}""
        published: ""${PP}""
    cpus: ""${C}""
    labels:
      $KEY: ${VAL}
    environment:
      - $KEY=${VAL}
networks:
  n:
    enable_ipv4: ""${T}""
    enable_ipv6: ""${T}""
";

        private static Dictionary<string, string> TypedEnv(string s = "2", string t = "yes", string p = "80", string c = "0.5") =>
            new Dictionary<string, string> { ["NAME"] = "demo", ["S"] = s, ["T"] = t, ["P"] = p, ["PP"] = "8080", ["C"] = c, ["KEY"] = "k", ["VAL"] = "v" };

        [Fact]
        public void SubstitutesValuesAndCastsTypedPaths()
        {
            var warnings = new List<string>();
            YMap doc = Interpolate(Typed, TypedEnv(), warnings);
            YMap web = doc.Map("services").Map("web");

            Assert.Equal("demo", doc["name"]);
            Assert.Equal("busybox", web["image"]);
            Assert.Equal(2L, web["scale"]);
            Assert.Equal(true, web["tty"]);
            Assert.Equal(0.5, web["cpus"]);
            var port = (YMap)web.List("ports")[0];
            Assert.Equal(80L, port["target"]);
            Assert.Equal("8080", port["published"]); // published is not a cast path
            Assert.Equal(true, doc.Map("networks").Map("n")["enable_ipv4"]);
            // keys are never interpolated; list items are
            Assert.True(web.Map("labels").ContainsKey("$KEY"));
            Assert.Equal("v", web.Map("labels")["$KEY"]);
            Assert.Equal("k=v", web.List("environment")[0]);
            // ref: three YAML 1.1 warnings (tty, enable_ipv4, enable_ipv6)
            Assert.Equal(3, warnings.Count);
            Assert.All(warnings, w => Assert.Equal("\"yes\" for boolean is not supported by YAML 1.2, please use `true`", w));
        }

        [Theory]
        [InlineData("abc", "yes", "80", "0.5", "error while interpolating services.web.scale: failed to cast to expected type: strconv.Atoi: parsing \"abc\": invalid syntax")]
        [InlineData("99999999999999999999", "yes", "80", "0.5", "error while interpolating services.web.scale: failed to cast to expected type: strconv.Atoi: parsing \"99999999999999999999\": value out of range")]
        [InlineData("1", "x", "80", "0.5", "error while interpolating services.web.tty: failed to cast to expected type: invalid boolean: x")]
        [InlineData("1", "true", "8x0", "0.5", "error while interpolating services.web.ports.[].target: failed to cast to expected type: strconv.Atoi: parsing \"8x0\": invalid syntax")]
        [InlineData("1", "true", "80", "1.5x", "error while interpolating services.web.cpus: failed to cast to expected type: strconv.ParseFloat: parsing \"1.5x\": invalid syntax")]
        public void CastErrorsReadAsCompose(string s, string t, string p, string c, string message)
        {
            var e = Fails(Typed, TypedEnv(s, t, p, c));
            Assert.Equal(message, e.Reason);
            Assert.Equal(ErrorIds.InterpolationInvalid, e.ErrorId);
            Assert.Equal(File, e.File);
        }

        [Fact]
        public void KeyPathHasIndexesWhileTheMessageUsesComposePaths()
        {
            var e = Fails(Typed, TypedEnv(p: "x"));
            Assert.Equal("services.web.ports[0].target", e.KeyPath);
        }

        [Fact]
        public void RequiredVariableErrorIsWrappedWithThePath()
        {
            var e = Fails("services:\n  w:\n    image: ${IMG:?set IMG}\n", new Dictionary<string, string>());
            Assert.Equal("error while interpolating services.w.image: required variable IMG is missing a value: set IMG", e.Reason);
            Assert.Equal(ErrorIds.VariableRequired, e.ErrorId);
            Assert.Equal("services.w.image", e.KeyPath);
        }

        [Fact]
        public void InvalidTemplateErrorReadsAsCompose()
        {
            var e = Fails("x-v: 'a ${SET:-x}${'\n", new Dictionary<string, string>());
            Assert.Equal("invalid interpolation format for x-v.\nYou may need to escape any $ with another $.\na ${SET:-x}${", e.Reason);
            Assert.Equal(ErrorIds.InterpolationInvalid, e.ErrorId);
        }

        [Fact]
        public void ListItemsUseBracketPathInMessages()
        {
            var e = Fails("services:\n  w:\n    command: [a, '${X:?}']\n", new Dictionary<string, string>());
            Assert.Equal("error while interpolating services.w.command.[]: required variable X is missing a value", e.Reason);
            Assert.Equal("services.w.command[1]", e.KeyPath);
        }

        [Theory]
        [InlineData("true", true, false)]
        [InlineData("FALSE", false, false)]
        [InlineData("Yes", true, true)]
        [InlineData("y", true, true)]
        [InlineData("ON", true, true)]
        [InlineData("no", false, true)]
        [InlineData("n", false, true)]
        [InlineData("off", false, true)]
        public void BooleanCasts(string text, bool expected, bool warns)
        {
            var warnings = new List<string>();
            YMap doc = Interpolate($"services:\n  w:\n    init: \"{text}\"\n    read_only: {text}\n", new Dictionary<string, string>(), warnings);
            Assert.Equal(expected, doc.Map("services").Map("w")["init"]);
            Assert.Equal(warns ? 2 : 0, warnings.Count);
        }

        [Fact]
        public void CastsApplyToEveryTypedPath()
        {
            const string yaml = @"
services:
  w:
    cpu_count: '2'
    cpu_percent: '12.5'
    cpu_shares: '-3'
    oom_score_adj: '-500'
    pids_limit: '100'
    deploy:
      replicas: '3'
      update_config: {parallelism: '2', max_failure_ratio: '0.25'}
      restart_policy: {max_attempts: '4'}
    healthcheck: {retries: '5', disable: 'false'}
    ulimits:
      nproc: '65535'
      nofile: {soft: '20000', hard: '40000'}
    secrets: [{source: s, mode: '0440'}]
    volumes: [{type: volume, source: v, target: /v, read_only: 'true', volume: {nocopy: 'on'}}]
    mem_limit: '1g'
    stop_grace_period: '10s'
volumes:
  v: {external: 'true'}
secrets:
  s: {external: 'false'}
";
            YMap doc = Interpolate(yaml, new Dictionary<string, string>());
            YMap w = doc.Map("services").Map("w");
            Assert.Equal(2L, w["cpu_count"]);
            Assert.Equal(12.5, w["cpu_percent"]);
            Assert.Equal(-3L, w["cpu_shares"]);
            Assert.Equal(-500L, w["oom_score_adj"]);
            Assert.Equal(100L, w["pids_limit"]);
            Assert.Equal(3L, w.Map("deploy")["replicas"]);
            Assert.Equal(2L, w.Map("deploy").Map("update_config")["parallelism"]);
            Assert.Equal(0.25, w.Map("deploy").Map("update_config")["max_failure_ratio"]);
            Assert.Equal(4L, w.Map("deploy").Map("restart_policy")["max_attempts"]);
            Assert.Equal(5L, w.Map("healthcheck")["retries"]);
            Assert.Equal(false, w.Map("healthcheck")["disable"]);
            Assert.Equal(65535L, w.Map("ulimits")["nproc"]);
            Assert.Equal(20000L, w.Map("ulimits").Map("nofile")["soft"]);
            Assert.Equal(440L, ((YMap)w.List("secrets")[0])["mode"]); // Atoi is decimal
            var vol = (YMap)w.List("volumes")[0];
            Assert.Equal(true, vol["read_only"]);
            Assert.Equal(true, vol.Map("volume")["nocopy"]);
            Assert.Equal("1g", w["mem_limit"]);           // no unit casts in compose-go v2
            Assert.Equal("10s", w["stop_grace_period"]);
            Assert.Equal(true, doc.Map("volumes").Map("v")["external"]);
            Assert.Equal(false, doc.Map("secrets").Map("s")["external"]);
        }

        [Fact]
        public void ServiceNamesWithDotsDoNotMatchCastPaths()
        {
            // compose-go splits paths on "." so services."a.b".scale has too many parts to match.
            YMap doc = Interpolate("services:\n  a.b:\n    scale: '2'\n", new Dictionary<string, string>());
            Assert.Equal("2", doc.Map("services").Map("a.b")["scale"]);
        }

        [Fact]
        public void NonStringScalarsAreUntouched()
        {
            YMap doc = Interpolate("services:\n  w:\n    scale: 3\n    tty: true\n    x: null\n", new Dictionary<string, string>());
            Assert.Equal(3L, doc.Map("services").Map("w")["scale"]);
            Assert.Equal(true, doc.Map("services").Map("w")["tty"]);
        }

        [Fact]
        public void OverrideValuesAreInterpolatedAndKeepTheirTag()
        {
            YMap doc = Interpolate("services:\n  w:\n    scale: !override ${S}\n    ports: !override ['${P}']\n",
                new Dictionary<string, string> { ["S"] = "4", ["P"] = "80:80" });
            var scale = Assert.IsType<TaggedValue>(doc.Map("services").Map("w")["scale"]);
            Assert.Equal(TaggedValue.Override, scale.Tag);
            Assert.Equal(4L, scale.Value);
            var ports = Assert.IsType<TaggedValue>(doc.Map("services").Map("w")["ports"]);
            Assert.Equal(new List<object> { "80:80" }, ports.Value);
        }

        [Fact]
        public void ResetValuesAreNotInterpolated()
        {
            // Compose drops !reset values before interpolating, so a required variable inside one is not an error.
            YMap doc = Interpolate("services:\n  w:\n    image: !reset ${X:?boom}\n", new Dictionary<string, string>());
            Assert.IsType<TaggedValue>(doc.Map("services").Map("w")["image"]);
        }

        [Fact]
        public void UnsetVariablesWarn()
        {
            var warnings = new List<string>();
            YMap doc = Interpolate("services:\n  w:\n    image: \"${A}x\"\n", new Dictionary<string, string>(), warnings);
            Assert.Equal("x", doc.Map("services").Map("w")["image"]);
            Assert.Equal(new[] { "The \"A\" variable is not set. Defaulting to a blank string." }, warnings);
        }
    }
}
