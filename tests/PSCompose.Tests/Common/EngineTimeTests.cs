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
    }
}
