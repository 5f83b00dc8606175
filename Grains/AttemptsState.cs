namespace Sesame.Grains;

/// <summary>One counter of wrong attempts (passwords, or access codes) and the lockouts it caused.</summary>
internal sealed class AttemptsState
{
    /// <summary>Failures since the last success or lockout.</summary>
    public int Failed { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Lockouts since the last success, recovery or unlock; each lasts longer.</summary>
    public int ConsecutiveLockouts { get; set; }

    /// <summary>Starts over: after a success, a recovery or an unlock.</summary>
    public void Clear()
    {
        Failed = 0;
        LockedUntil = null;
        ConsecutiveLockouts = 0;
    }
}
