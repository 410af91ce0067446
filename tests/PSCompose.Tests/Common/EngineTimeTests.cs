using System;
using PSCompose.Common;
using Xunit;

namespace PSCompose.Tests.Common
{
    /// <summary>Compose's --since/--until forms (docker's timetypes.GetTimestamp) and the engine's query value.</summary>
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

        [Theory]
        [InlineData("10m", 600)]
        [InlineData("1h30m", 5400)]
        [InlineData("1.5h", 5400)]
        [InlineData("90s", 90)]
        [InlineData("2h45m30s", 9930)]
        public void GoDurations_CountBackFromNow(string text, int seconds)
        {
            Assert.True(EngineTime.TryParse(text, Now, out DateTimeOffset moment));
            Assert.Equal(Now.AddSeconds(-seconds), moment);
        }

        [Fact]
        public void SubSecondDurations()
        {
            Assert.True(EngineTime.TryParse("1500ms", Now, out DateTimeOffset moment));
            Assert.Equal(Now.AddMilliseconds(-1500), moment);
        }

        [Theory]
        [InlineData("1700000000", "2023-11-14T22:13:20.0000000+00:00")]
        [InlineData("1700000000.5", "2023-11-14T22:13:20.5000000+00:00")]
        [InlineData("1700000000.123456789", "2023-11-14T22:13:20.1234567+00:00")]
        [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.0000000+00:00")]
        [InlineData("2024-01-02T03:04:05+02:00", "2024-01-02T01:04:05.0000000+00:00")]
        public void UnixTimesAndDates(string text, string expected)
        {
            Assert.True(EngineTime.TryParse(text, Now, out DateTimeOffset moment));
            Assert.Equal(DateTimeOffset.Parse(expected), moment);
        }

        [Theory]
        [InlineData("")]
        [InlineData("yesterday")]
        [InlineData("10x")]
        public void OtherTexts_AreNotTimes(string text) => Assert.False(EngineTime.TryParse(text, Now, out _));

        [Fact]
        public void QueryValue_IsUnixSecondsWithNineFractionDigits()
        {
            var moment = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero).AddTicks(1234567);
            Assert.Equal("1700000000.123456700", EngineTime.ToQueryValue(moment));
            Assert.Equal("1700000000.000000000", EngineTime.ToQueryValue(new DateTimeOffset(2023, 11, 15, 0, 13, 20, TimeSpan.FromHours(2))));
        }

        [Fact]
        public void UnspecifiedDateTimes_AreLocal_AsGetDateGivesThem()
        {
            var local = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified);
            Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local)).UtcTicks, EngineTime.FromDateTime(local).UtcTicks);
            var utc = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
            Assert.Equal(utc.Ticks, EngineTime.FromDateTime(utc).UtcTicks);
        }

        [Fact]
        public void TimeNano_KeepsTheHundredNanosecondsADateTimeOffsetHolds()
        {
            Assert.Equal(DateTimeOffset.Parse("2026-11-30T04:59:26.6521586+00:00"), EngineTime.FromUnixNanoseconds(1796014766652158673));
        }

        [Fact]
        public void Engine_inspect_times_parse_to_100_ns_and_the_zero_time_is_none()
        {
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero).AddTicks(1234567), EngineTime.FromEngineText("2026-11-30T11:00:00.123456789Z"));
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero).AddTicks(1200000), EngineTime.FromEngineText("2026-11-30T11:00:00.12Z"));
            Assert.Null(EngineTime.FromEngineText("0001-01-01T00:00:00Z"));
            Assert.Null(EngineTime.FromEngineText(""));
        }
    }
}
