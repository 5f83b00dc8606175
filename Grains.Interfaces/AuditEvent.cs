namespace Sesame.Grains.Interfaces;

/// <summary>What an audit trail entry records. Stable codes; never the secret, the code, the NIR or the IBAN.</summary>
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

    /// <summary>A one-time code was sent (the channel is not recorded here; the outbox knows it).</summary>
    CodeSent = 10,

    /// <summary>A one-time code was entered right.</summary>
    CodeUsed = 11,

    /// <summary>A one-time code was entered after its end, or used up its tries.</summary>
    CodeExpired = 12,

    /// <summary>A wrong one-time code was entered.</summary>
    CodeRejected = 13,

    SecretChanged = 14,
    ContactsChanged = 15,

    /// <summary>The member signed out of one session.</summary>
    LoggedOut = 16,

    TermsAccepted = 17,

    /// <summary>The identifier was sent by e-mail ("Obtenir son identifiant").</summary>
    IdentifierSent = 18,

    /// <summary>The identifier was shown after the IBAN's last characters were given.</summary>
    IdentifierRevealed = 19,

    /// <summary>The IBAN's last characters given to see the identifier were wrong.</summary>
    IbanTailRejected = 20,
}
