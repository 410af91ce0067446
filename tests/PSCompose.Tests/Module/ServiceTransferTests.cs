using System.Collections.Generic;
using System.Linq;
using PSCompose.Cmdlets;
using PSCompose.Engine;
using Xunit;

namespace PSCompose.Tests.Module
{
    /// <summary>How engine progress lines fold into a progress bar; the lines are the ones docker 20.10 sent for a pull.</summary>
    public class ServiceTransferTests
    {
        private static EngineProgress Layer(string id, string status, long? current = null, long? total = null) =>
            new EngineProgress { Id = id, Status = status, Current = current, Total = total };

        [Fact]
        public void Pull_CountsTheBytesOfTheLayersItDownloads_AndEndsAtTheirSum()
        {
            var lines = new[]
            {
                Layer("raw", "Pulling from team/app"),
                Layer("base", "Already exists"),
                Layer("a", "Pulling fs layer"),
                Layer("b", "Pulling fs layer"),
                Layer("b", "Downloading", 36445, 1000493),
                Layer("b", "Download complete"),
                Layer("a", "Downloading", 36445, 2000816),
                Layer("a", "Verifying Checksum"),
                Layer("a", "Download complete"),
                Layer("a", "Extracting", 2000816, 2000816),
                Layer("a", "Pull complete"),
                Layer("b", "Pull complete"),
                new EngineProgress { Status = "Digest: sha256:de95" },
            };
            var transfer = new ServiceTransfer();
            var shown = new List<(int Percent, string Status)>();
            foreach (EngineProgress line in lines)
                if (transfer.Apply(line)) shown.Add((transfer.Percent, transfer.Status));

            Assert.Equal(3001309, transfer.Total);
            Assert.Equal(transfer.Total, transfer.Current);
            Assert.Equal(100, transfer.Percent);
            Assert.Equal("Downloading 3.0 MB of 3.0 MB", transfer.Status);
            Assert.Contains(shown, s => s.Status == "Downloading 36.4 kB of 1.0 MB");
            Assert.Equal(100, shown.Last().Percent);
        }

        [Fact]
        public void Push_EndingPastItsTotal_IsShownAtTheTotal()
        {
            var transfer = new ServiceTransfer();
            transfer.Apply(Layer("a", "Preparing"));
            transfer.Apply(Layer("a", "Pushing", 3001280, 3000000));
            Assert.Equal(3000000, transfer.Current);
            Assert.Equal(100, transfer.Percent);
        }

        [Fact]
        public void Build_StepsMoveTheBar()
        {
            var transfer = new ServiceTransfer();
            Assert.True(transfer.Apply(new EngineProgress { Stream = "Step 1/4 : FROM busybox\n" }));
            Assert.False(transfer.Apply(new EngineProgress { Stream = " ---> 61d27e1ee903\n" }));
            Assert.True(transfer.Apply(new EngineProgress { Stream = "Step 3/4 : RUN true\n" }));
            Assert.Equal(50, transfer.Percent);
            Assert.Equal("Step 3/4 : RUN true", transfer.Status);
        }
    }
}
