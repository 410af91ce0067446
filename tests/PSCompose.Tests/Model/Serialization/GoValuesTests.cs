using PSCompose.Model;
using PSCompose.Model.Serialization;
using Xunit;

namespace PSCompose.Tests.Model.Serialization
{
    public class GoValuesTests
    {
        [Theory]
        [InlineData("90s", "1m30s")]
        [InlineData("1m", "1m0s")]
        [InlineData("2m", "2m0s")]
        [InlineData("10s", "10s")]
        [InlineData("1h", "1h0m0s")]
        [InlineData("1.5s", "1.5s")]
        [InlineData("500ms", "500ms")]
        [InlineData("1h2m3.25s", "1h2m3.25s")]
        [InlineData("1500us", "1.5ms")]
        [InlineData("0", "0s")]
        [InlineData("-90s", "-1m30s")]
        public void DurationsPrintAsTimeDurationString(string input, string expected)
        {
            Assert.True(GoValues.TryParseDuration(input, out long ns));
            Assert.Equal(expected, GoValues.FormatDuration(ns));
        }

        [Theory]
        [InlineData("5x")]
        [InlineData("10")]
        [InlineData("")]
        public void InvalidDurations(string input) => Assert.False(GoValues.TryParseDuration(input, out _));

        [Fact]
        public void DurationErrorTextIsGos() =>
            Assert.Equal("time: unknown unit \"x\" in duration \"5x\"", GoValues.DurationError("5x"));

        [Theory]
        [InlineData("1g", 1073741824L)]
        [InlineData("50M", 52428800L)]
        [InlineData("512m", 536870912L)]
        [InlineData("1mb", 1048576L)]
        [InlineData("1.5GiB", 1610612736L)]
        [InlineData("100", 100L)]
        [InlineData("10b", 10L)]
        [InlineData("1k", 1024L)]
        public void ByteSizesAreBinary(string input, long expected)
        {
            Assert.True(GoValues.TryParseBytes(input, out long bytes));
            Assert.Equal(expected, bytes);
        }

        [Theory]
        [InlineData("1x")]
        [InlineData("g")]
        [InlineData("1gbb")]
        public void InvalidByteSizes(string input) => Assert.False(GoValues.TryParseBytes(input, out _));

        [Theory]
        [InlineData(0.5, true, "0.5")]
        [InlineData(1.5, false, "1.5")]
        [InlineData(0.1, true, "0.1")]
        [InlineData(1e21, false, "1e+21")]
        [InlineData(0.0000001, false, "1e-7")]
        [InlineData(100.0, false, "100")]
        public void JsonFloats(double value, bool float32, string expected) => Assert.Equal(expected, GoFloat.Json(value, float32));

        [Theory]
        [InlineData(0.5, "0.5")]
        [InlineData(1000000.0, "1e+06")]
        [InlineData(123456.0, "123456")]
        [InlineData(0.00001, "1e-05")]
        public void YamlFloats(double value, string expected) => Assert.Equal(expected, GoFloat.Yaml(value, false));

        [Fact]
        public void ScalarsPrintLikeGo()
        {
            Assert.Equal("1.5", GoValues.Scalar(1.5));
            Assert.Equal("true", GoValues.Scalar(true));
            Assert.Equal("42", GoValues.Scalar(42L));
        }

        [Fact]
        public void FileModeIsOctal() => Assert.Equal("0440", GoValues.Octal(288));
    }
}
