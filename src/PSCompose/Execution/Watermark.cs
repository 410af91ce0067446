using System;
using System.Collections.Generic;
using PSCompose.Common;
using PSCompose.Engine;

namespace PSCompose.Execution
{
    /// <summary>
    /// How far one container's log has been read, so that following its next run neither loses nor repeats lines:
    /// the next read starts at the last line's timestamp (the engine's since is inclusive) and drops what was
    /// already passed on — older lines, and as many lines of that same timestamp as were seen.
    /// </summary>
    internal sealed class Watermark
    {
        private readonly object gate = new object();
        private DateTimeOffset last = DateTimeOffset.MinValue;
        private int seenAtLast;
        private int skipAtLast;
        private bool resuming;

        /// <summary>The engine's since value for the next read; null when nothing was read.</summary>
        public string Since
        {
            get
            {
                lock (gate)
                {
                    resuming = true;
                    skipAtLast = seenAtLast;
                    return last == DateTimeOffset.MinValue ? null : EngineTime.ToQueryValue(last);
                }
            }
        }

        /// <summary>The lines not passed on before, in order; records the newest.</summary>
        public IReadOnlyList<OutputLine> Pass(IReadOnlyList<OutputLine> lines)
        {
            lock (gate)
            {
                List<OutputLine> fresh = null;
                for (int i = 0; i < lines.Count; i++)
                {
                    DateTimeOffset t = lines[i].Timestamp;
                    bool repeat = resuming && (t < last || (t == last && skipAtLast > 0));
                    if (repeat && t == last) skipAtLast--;
                    if (!repeat)
                    {
                        resuming = false;
                        if (t == last) seenAtLast++;
                        else if (t > last) { last = t; seenAtLast = 1; }
                    }
                    if (repeat && fresh == null)
                    {
                        fresh = new List<OutputLine>(lines.Count);
                        for (int j = 0; j < i; j++) fresh.Add(lines[j]);
                    }
                    else if (!repeat && fresh != null) fresh.Add(lines[i]);
                }
                return fresh ?? lines;
            }
        }
    }
}
