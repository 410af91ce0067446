using System;
using PSCompose.Common;
using Xunit;

namespace PSCompose.Tests.Common
{
    /// <summary>-Since/-Until as the docker client's GetTimestamp converts them for Compose (compose-v2-runtime.md §2.1).</summary>
    public class EngineTimeTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("42m", "1796037480")]
        [InlineData("1h30m", "1796034600")]
        [InlineData("2s", "1796039998")]
        [InlineData("1.5h", "1796034600")]
        [InlineData("1796036400", "1796036400")]
        [InlineData("1796036400.5", "1796036400.5")]
        [InlineData("2026-11-30T11:00:00Z", "1796036400.000000000")]
        [InlineData("2026-11-30T11:00:00.123456789Z", "1796036400.123456789")]
        [InlineData("2026-11-30T13:00:00+02:00", "1796036400.000000000")]
        public void Compose_forms_become_the_engines_unix_value(string value, string expected) =>
            Assert.Equal(expected, EngineTime.ToEngineValue(value, Now));

        [Fact]
        public void DateTime_values_are_taken_as_the_instant_they_are()
        {
            Assert.Equal("1796036400.000000000", EngineTime.ToEngineValue(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), Now));
            Assert.Equal("1796036400.000000000", EngineTime.ToEngineValue(new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc), Now));
            DateTime local = new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc).ToLocalTime();
            Assert.Equal("1796036400.000000000", EngineTime.ToEngineValue(local, Now));
        }

        [Theory]
        [InlineData("bogus")]
        [InlineData("12x")]
        [InlineData("1.2.3")]
        public void Anything_else_is_composes_message(string value)
        {
            var e = Assert.Throws<FormatException>(() => EngineTime.ToEngineValue(value, Now));
            Assert.Equal($"failed to parse value as time or duration: \"{value}\"", e.Message);
        }

        [Fact]
        public void An_engine_StartedAt_keeps_its_nanoseconds()
        {
            Assert.Equal("1796036400.123456789", EngineTime.FromEngineTimestamp("2026-11-30T11:00:00.123456789Z"));
            Assert.Equal("1796036400.120000000", EngineTime.FromEngineTimestamp("2026-11-30T11:00:00.12Z"));
        }
    }
}
