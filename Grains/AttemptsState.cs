namespace Sesame.Grains;

/// <summary>One counter of wrong attempts (passwords, or access codes) and the lockouts it caused.</summary>
[GenerateSerializer, Alias("sesame.state.AttemptsState")]
internal sealed class AttemptsState
{
    /// <summary>Failures since the last success or lockout.</summary>
    [Id(0)]
    public int Failed { get; set; }

    [Id(1)]
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Lockouts since the last success, recovery or unlock; each lasts longer.</summary>
    [Id(2)]
    public int ConsecutiveLockouts { get; set; }

    /// <summary>Starts over: after a success, a recovery or an unlock.</summary>
    public void Clear()
    {
        Failed = 0;
        LockedUntil = null;
        ConsecutiveLockouts = 0;
    }
}
