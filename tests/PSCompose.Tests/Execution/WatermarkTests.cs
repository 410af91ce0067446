using System;
using System.Linq;
using PSCompose.Engine;
using PSCompose.Execution;
using Xunit;

namespace PSCompose.Tests.Execution
{
    /// <summary>Re-reading a container's log from the last line seen: nothing lost, nothing repeated.</summary>
    public class WatermarkTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero);

        private static OutputLine Line(int tick, string text) => new OutputLine(OutputStream.Stdout, T0.AddTicks(tick), text);

        [Fact]
        public void A_second_read_from_the_mark_drops_what_was_passed_and_keeps_the_rest()
        {
            var mark = new Watermark();
            Assert.Null(mark.Since);
            Assert.Equal(new[] { "a", "b", "c" }, mark.Pass(new[] { Line(1, "a"), Line(2, "b"), Line(2, "c") }).Select(l => l.Text));

            // The engine's since is inclusive: the next read repeats the lines of the last timestamp (two here).
            Assert.Equal("1796036400.000000200", mark.Since);
            var again = new[] { Line(2, "b"), Line(2, "c"), Line(2, "d"), Line(5, "e") };
            Assert.Equal(new[] { "d", "e" }, mark.Pass(again).Select(l => l.Text));
            Assert.Equal(new[] { "f" }, mark.Pass(new[] { Line(6, "f") }).Select(l => l.Text));
        }
    }
}
