using System;
using PSCompose.Model.Interpolation;
using Xunit;

namespace PSCompose.Tests.Model.Interpolation
{
    /// <summary>Go strconv acceptance rules (hand-derived from the Go documentation) and its error texts.</summary>
    public class GoStrconvTests
    {
        [Theory]
        [InlineData("0", 0L)]
        [InlineData("+12", 12L)]
        [InlineData("-12", -12L)]
        [InlineData("007", 7L)]
        [InlineData("9223372036854775807", long.MaxValue)]
        [InlineData("-9223372036854775808", long.MinValue)]
        public void AtoiAccepts(string text, long expected)
        {
            Assert.Equal(expected, GoStrconv.Atoi(text));
        }

        [Theory]
        [InlineData("", "strconv.Atoi: parsing \"\": invalid syntax")]
        [InlineData("1_000", "strconv.Atoi: parsing \"1_000\": invalid syntax")]
        [InlineData("0x10", "strconv.Atoi: parsing \"0x10\": invalid syntax")]
        [InlineData(" 1", "strconv.Atoi: parsing \" 1\": invalid syntax")]
        [InlineData("1.0", "strconv.Atoi: parsing \"1.0\": invalid syntax")]
        [InlineData("-", "strconv.Atoi: parsing \"-\": invalid syntax")]
        [InlineData("9223372036854775808", "strconv.Atoi: parsing \"9223372036854775808\": value out of range")]
        public void AtoiRejects(string text, string message)
        {
            Assert.Equal(message, Assert.Throws<FormatException>(() => GoStrconv.Atoi(text)).Message);
        }

        [Fact]
        public void ParseIntNamesItself()
        {
            Assert.Equal("strconv.ParseInt: parsing \"x\": invalid syntax", Assert.Throws<FormatException>(() => GoStrconv.ParseInt("x")).Message);
        }

        [Theory]
        [InlineData("1", 1.0)]
        [InlineData(".5", 0.5)]
        [InlineData("5.", 5.0)]
        [InlineData("-1e3", -1000.0)]
        [InlineData("+2.5E-1", 0.25)]
        [InlineData("inf", double.PositiveInfinity)]
        [InlineData("-Infinity", double.NegativeInfinity)]
        public void ParseFloatAccepts(string text, double expected)
        {
            Assert.Equal(expected, GoStrconv.ParseFloat(text));
        }

        [Theory]
        [InlineData(".", "invalid syntax")]
        [InlineData("1e", "invalid syntax")]
        [InlineData("1_0.5", "invalid syntax")]
        [InlineData("+nan", "invalid syntax")]
        [InlineData("infin", "invalid syntax")]
        [InlineData("1e400", "value out of range")]
        public void ParseFloatRejects(string text, string reason)
        {
            Assert.Equal($"strconv.ParseFloat: parsing \"{text}\": {reason}", Assert.Throws<FormatException>(() => GoStrconv.ParseFloat(text)).Message);
        }

        [Fact]
        public void ParseFloat32ChecksTheSmallerRange()
        {
            Assert.Equal(1e38, GoStrconv.ParseFloat("1e38", 32));
            Assert.Throws<FormatException>(() => GoStrconv.ParseFloat("1e39", 32));
        }

        [Theory]
        [InlineData("plain", "\"plain\"")]
        [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
        [InlineData("tab\there\n", "\"tab\\there\\n\"")]
        [InlineData("\u0001é☺", "\"\\x01é☺\"")]
        public void QuoteLikeStrconvQuote(string text, string expected)
        {
            Assert.Equal(expected, GoFormat.Quote(text));
        }
    }
}
