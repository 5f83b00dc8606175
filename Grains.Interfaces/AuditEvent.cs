namespace Sesame.Grains.Interfaces;

/// <summary>What an audit trail entry records. Stable codes; never the secret itself.</summary>
public enum AuditEvent
{
    AccountCreated = 1,
    LoginSucceeded = 2,
    LoginFailed = 3,
    LockedOut = 4,
    LoginRefusedWhileLocked = 5,
    RecoveryRequired = 6,
    LoginRefusedUntilRecovery = 7,
    Unlocked = 8,
    SessionsEnded = 9,
}
