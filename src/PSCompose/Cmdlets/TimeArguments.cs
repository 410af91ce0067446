using System;
using System.Globalization;
using System.Management.Automation;
using PSCompose.Common;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// Lets a DateTime parameter (-Since, -Until) also take Compose's texts: a Go duration ("10m": that long ago), a
    /// unix time, or a date; a number is a unix time too (an unquoted 1700000000.5 arrives as a double), and a
    /// TimeSpan means that long ago. Anything else is left to PowerShell's own conversion.
    /// </summary>
    internal sealed class EngineTimeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is TimeSpan ago) return (DateTimeOffset.Now - ago).UtcDateTime;
            if (value is DateTimeOffset moment) return moment.UtcDateTime;
            if (value is string text && EngineTime.TryParse(text, DateTimeOffset.Now, out DateTimeOffset parsed)) return parsed.UtcDateTime;
            if (value is int || value is long || value is double || value is decimal)
                return DateTimeOffset.FromUnixTimeSeconds(0).AddTicks((long)(Convert.ToDecimal(value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond)).UtcDateTime;
            return inputData;
        }
    }

    /// <summary>Lets a TimeSpan parameter (-Timeout) take a number of seconds, as Wait-Job -Timeout does.</summary>
    internal sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case int i: return TimeSpan.FromSeconds(i);
                case long l: return TimeSpan.FromSeconds(l);
                case double d: return TimeSpan.FromSeconds(d);
                case decimal m: return TimeSpan.FromSeconds((double)m);
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds):
                    return TimeSpan.FromSeconds(seconds);
                default: return inputData;
            }
        }
    }
}
