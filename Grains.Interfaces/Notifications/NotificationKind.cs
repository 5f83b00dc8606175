namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>What a message to a member says.</summary>
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
}
