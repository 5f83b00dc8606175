using Sesame.LoadTest.Correctness;
using Sesame.LoadTest.Inbox;
using Sesame.LoadTest.Load;
using Sesame.LoadTest.Measuring;
using Sesame.LoadTest.Members;

namespace Sesame.LoadTest.Scenarios;

/// <summary>What every journey of a run shares.</summary>
internal sealed class JourneyContext
{
    public required ClientSet Clients { get; init; }

    public required AccountPool Accounts { get; init; }

    public required RunRecorder RunRecorder { get; init; }

    public required TimeProvider Time { get; init; }

    public required LockoutLedger Lockouts { get; init; }

    /// <summary>Where codes are read; null when the run has no inbox (scenarios that need one are left out).</summary>
    public ICodeInbox? Inbox { get; init; }

    /// <summary>Sent as the member's user agent on every call: the run's mark in the audit trail.</summary>
    public required string UserAgent { get; init; }

    /// <summary>Pauses are drawn around their mean times this (0: no pauses).</summary>
    public double ThinkScale { get; init; } = 1;

    /// <summary>How long a journey waits for an e-mailed code.</summary>
    public TimeSpan CodeWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A pause about <paramref name="mean"/> long: exponentially distributed, at most three means, scaled.</summary>
    public TimeSpan Think(TimeSpan mean)
    {
        if (ThinkScale <= 0)
        {
            return TimeSpan.Zero;
        }

        var drawn = -Math.Log(1 - Random.Shared.NextDouble());
        return mean * Math.Min(drawn, 3) * ThinkScale;
    }
}
