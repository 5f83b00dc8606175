namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>What a message to a member says.</summary>
[GenerateSerializer, Alias("sesame.NotificationKind")]
public enum NotificationKind
{
    /// <summary>A one-time code to recover a lost secret (e-mail, SMS or letter).</summary>
    RecoveryCode = 1,

    /// <summary>A one-time security code for a first connection, by letter, issued by a back office.</summary>
    SecurityCode = 2,

    /// <summary>The member's identifier, asked for with "Obtenir son identifiant".</summary>
    IdentifierReminder = 3,

    /// <summary>The PIN or password was changed.</summary>
    SecretChanged = 4,

    /// <summary>The contacts on file were changed; sent to the old address.</summary>
    ContactsChanged = 5,

    /// <summary>The provisional code that activates the member's space, with the deadline of its automatic creation.</summary>
    ProvisionalCode = 6,

    /// <summary>The one-time access code of a sign-in.</summary>
    AccessCode = 7,

    /// <summary>The code that confirms a new e-mail address or mobile number, sent to it.</summary>
    ContactCode = 8,

    /// <summary>The member's space was created automatically at the deadline.</summary>
    SpaceCreated = 9,

    /// <summary>The member closed the space.</summary>
    SpaceClosed = 10,
}
