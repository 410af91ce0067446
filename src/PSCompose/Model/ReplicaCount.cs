
namespace PSCompose.Model
{
    /// <summary>
    /// The one bound on a service's replica count, checked for -Scale and for scale/deploy.replicas in the file.
    /// </summary>
    internal static class ReplicaCount
    {
        /// <summary>
        /// Far above what one engine runs for one service, yet small enough to plan: every replica is a planned
        /// operation and a container, so [int]::MaxValue would plan for minutes and exhaust memory. Compose has no
        /// bound (its --scale panics on such values).
        /// </summary>
        public const int Max = 10000;

        public static bool InRange(long count) => count >= 0 && count <= Max;

        public static string Problem(string service, object count) =>
            $"the replica count of service {service} must be a whole number from 0 to {Max}, not {count}";

        /// <summary>A -Scale value: the count, or a ScaleInvalid error with the service as target.</summary>
        public static int Parse(string service, object value)
        {
            string text = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long n) || !InRange(n))
                throw new ComposeException(ErrorIds.ScaleInvalid, $"-Scale {service}={value}: " + Problem(service, value), service);
            return (int)n;
        }
    }
}
