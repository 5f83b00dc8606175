namespace Sesame.Client;

/// <summary>Absolute deadlines for Grpc.Net.Client.</summary>
internal static class Deadlines
{
    /// <summary>
    /// <paramref name="timeout"/> from now. Grpc.Net.Client measures deadlines on the system clock and offers no
    /// TimeProvider to replace it, so the deadline is taken on that same clock.
    /// </summary>
    public static DateTime After(TimeSpan timeout) => TimeProvider.System.GetUtcNow().UtcDateTime + timeout;
}
