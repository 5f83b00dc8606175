namespace Sesame.Grains.Interfaces;

/// <summary>What an audit trail entry records. Stable codes; never the secret, the code, the NIR or the IBAN.</summary>
[GenerateSerializer, Alias("sesame.AuditEvent")]
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

    /// <summary>A provisional code to activate the space was sent (by e-mail or letter).</summary>
    ProvisionalCodeSent = 21,

    /// <summary>"Je m'identifie": the provisional code and the NIR were right.</summary>
    ActivationStarted = 22,

    /// <summary>"Ma carte Vitale": the card given does not match the member's.</summary>
    VitaleCardRejected = 23,

    /// <summary>"Je m'oppose à la création de Mon espace santé".</summary>
    SpaceOpposed = 24,

    /// <summary>The member chose an identifier and a password: the space is active.</summary>
    SpaceActivated = 25,

    /// <summary>The deadline passed without a decision: the space was created automatically.</summary>
    SpaceCreated = 26,

    /// <summary>"Clôturer votre espace".</summary>
    SpaceClosed = 27,

    /// <summary>The password was right and a one-time access code was sent.</summary>
    AccessCodeSent = 28,

    /// <summary>A wrong access code was entered.</summary>
    AccessCodeRejected = 29,

    /// <summary>The data protection policy was accepted, with its version.</summary>
    PrivacyPolicyAccepted = 30,
}
