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
            NotificationKind.ProvisionalCode => (
                $"Avec {portal}, vous avez la main sur votre santé",
                $"Vous allez bénéficier de {portal}. Sans décision de votre part, votre espace sera créé automatiquement le {expiry}. Avec votre carte Vitale et le code provisoire ci-dessous, vous pouvez l'activer sans attendre ou vous opposer à sa création ; vous pourrez à tout moment changer d'avis. Code provisoire : {notification.Payload}"),
            NotificationKind.AccessCode => (
                $"{portal} : votre code d'accès",
                $"Votre code d'accès à usage unique : {notification.Payload}. Il est valable jusqu'au {expiry}. Si vous n'essayez pas de vous connecter, changez votre mot de passe."),
            NotificationKind.ContactCode => (
                $"{portal} : vérification de vos coordonnées",
                $"Pour confirmer ces coordonnées, votre code de vérification à usage unique : {notification.Payload}. Il est valable jusqu'au {expiry}."),
            NotificationKind.SpaceCreated => (
                $"{portal} : votre espace a été créé",
                $"Votre espace {portal} a été créé. Activez-le pour vous connecter, ou clôturez-le si vous changez d'avis."),
            NotificationKind.SpaceClosed => (
                $"{portal} : votre espace a été clôturé",
                $"Votre espace {portal} a été clôturé et vos sessions ont été fermées. Vous pourrez l'activer à nouveau avec un nouveau code provisoire. Si ce n'est pas vous, contactez-nous."),
            _ => throw new InvalidOperationException($"Unmapped notification kind {notification.Kind}."),
        };
        return new RenderedMessage(notification.Id, notification.Channel, notification.Destination, notification.Channel == Interfaces.Recovery.CodeChannel.Email ? subject : string.Empty, body);
    }
}
