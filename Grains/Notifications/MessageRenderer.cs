using System.Globalization;
using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains.Notifications;

/// <summary>The French wording of each message, signed with the portal's name.</summary>
internal static class MessageRenderer
{
    public static RenderedMessage Render(Notification notification, string portal)
    {
        var expiry = notification.ExpiresAt is { } expiresAt ? expiresAt.ToString("dd/MM/yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty;
        var (subject, body) = notification.Kind switch
        {
            NotificationKind.RecoveryCode or NotificationKind.SecurityCode => (
                $"{portal} : votre code de sécurité",
                $"Votre code de sécurité à usage unique : {notification.Payload}. Il est valable jusqu'au {expiry}. Si vous n'avez rien demandé, ignorez ce message."),
            NotificationKind.IdentifierReminder => (
                $"{portal} : votre identifiant",
                $"Votre identifiant {portal} : {notification.Payload}. Si vous n'avez rien demandé, ignorez ce message."),
            NotificationKind.SecretChanged => (
                $"{portal} : votre mot de passe a été modifié",
                $"Le mot de passe de votre espace {portal} vient d'être modifié et vos sessions ont été fermées. Si ce n'est pas vous, contactez votre mutuelle."),
            NotificationKind.ContactsChanged => (
                $"{portal} : vos coordonnées ont été modifiées",
                $"Les coordonnées de votre espace {portal} viennent d'être modifiées. Si ce n'est pas vous, contactez votre mutuelle."),
            _ => throw new InvalidOperationException($"Unmapped notification kind {notification.Kind}."),
        };
        return new RenderedMessage(notification.Id, notification.Channel, notification.Destination, notification.Channel == Interfaces.Recovery.CodeChannel.Email ? subject : string.Empty, body);
    }
}
