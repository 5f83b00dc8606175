using System.Globalization;
using System.Text;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>
/// The French wording of each message, with the portal's name: an SMS is one short line that starts with it and stays
/// within one SMS (160 GSM-7 characters) whatever the portal, code or identifier; an e-mail has a text part and an HTML
/// part saying the same, with a greeting, the code set apart, and the signature.
/// </summary>
internal static class MessageRenderer
{
    private const string Automatic = "Ce message vous est envoyé automatiquement ; merci de ne pas y répondre.";

    public static RenderedMessage Render(Notification notification, string tenant, string portal)
    {
        var expiry = notification.ExpiresAt is { } expiresAt ? FrenchDates.InParis(expiresAt).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture) : string.Empty;
        var code = notification.Payload;
        var notYou = "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.";
        // The SMS avoid ê, â, î, ô, û and ç, which are not in GSM-7 and would make the text UCS-2 (70 characters).
        (string Subject, string[] Paragraphs, string Sms) wording = notification.Kind switch
        {
            NotificationKind.RecoveryCode or NotificationKind.SecurityCode => (
                $"{portal} : votre code de sécurité",
                [$"Votre code de sécurité à usage unique : {code}.", $"Il est valable jusqu'au {expiry}.", notYou],
                $"{portal} : code de sécurité à usage unique : {code}, valable jusqu'au {expiry}. Ne le communiquez à personne."),
            NotificationKind.IdentifierReminder => (
                $"{portal} : votre identifiant",
                [$"Votre identifiant {portal} : {code}.", "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."],
                $"{portal} : votre identifiant est {code}. Pas vous ? Ignorez ce SMS."),
            NotificationKind.SecretChanged => (
                $"{portal} : votre mot de passe a été modifié",
                [$"Le mot de passe de votre espace {portal} vient d'être modifié et vos sessions ont été fermées.", "Si ce n'est pas vous, contactez votre mutuelle."],
                $"{portal} : le mot de passe de votre espace a été modifié et vos sessions fermées. Si ce n'est pas vous, contactez votre mutuelle."),
            NotificationKind.ContactsChanged => (
                $"{portal} : vos coordonnées ont été modifiées",
                [$"Les coordonnées de votre espace {portal} viennent d'être modifiées.", "Si ce n'est pas vous, contactez votre mutuelle."],
                $"{portal} : les coordonnées de votre espace ont été modifiées. Si ce n'est pas vous, contactez votre mutuelle."),
            NotificationKind.ProvisionalCode => (
                $"Avec {portal}, vous avez la main sur votre santé",
                [
                    $"Vous allez bénéficier de {portal}. Sans décision de votre part, votre espace sera créé automatiquement le {expiry}.",
                    "Avec votre carte Vitale et le code provisoire ci-dessous, vous pouvez l'activer sans attendre ou vous opposer à sa création ; vous pourrez à tout moment changer d'avis.",
                    $"Code provisoire : {code}",
                ],
                $"{portal} : code provisoire {code}. Sans réponse, votre espace sera créé le {expiry}."),
            NotificationKind.AccessCode => (
                $"{portal} : votre code d'accès",
                [$"Votre code d'accès à usage unique : {code}.", $"Il est valable jusqu'au {expiry}.", "Si vous n'essayez pas de vous connecter, changez votre mot de passe."],
                $"{portal} : code d'accès à usage unique : {code}, valable jusqu'au {expiry}. Ne le communiquez à personne."),
            NotificationKind.ContactCode => (
                $"{portal} : vérification de vos coordonnées",
                [$"Pour confirmer ces coordonnées, votre code de vérification à usage unique : {code}.", $"Il est valable jusqu'au {expiry}.", "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : vos coordonnées restent inchangées."],
                $"{portal} : code de vérification à usage unique : {code}, valable jusqu'au {expiry}. Ne le communiquez à personne."),
            NotificationKind.SpaceCreated => (
                $"{portal} : votre espace a été créé",
                [$"Votre espace {portal} a été créé.", "Activez-le pour vous connecter, ou clôturez-le si vous changez d'avis."],
                $"{portal} : votre espace a été créé. Activez-le pour vous connecter, ou fermez-le si vous changez d'avis."),
            NotificationKind.SpaceClosed => (
                $"{portal} : votre espace a été clôturé",
                [$"Votre espace {portal} a été clôturé et vos sessions ont été fermées.", "Vous pourrez l'activer à nouveau avec un nouveau code provisoire.", "Si ce n'est pas vous, contactez-nous."],
                $"{portal} : votre espace a été fermé et vos sessions aussi. Si ce n'est pas vous, contactez-nous."),
            _ => throw new InvalidOperationException($"Unmapped notification kind {notification.Kind}."),
        };
        var (subject, lines, sms) = wording;
        if (notification.Channel != CodeChannel.Email)
        {
            return new RenderedMessage(notification.Id, tenant, notification.Channel, notification.Destination, string.Empty, sms, string.Empty);
        }

        // Codes are the one thing a message exists to carry; the e-mail warns against handing them to anyone.
        if (code is not null && notification.Kind != NotificationKind.IdentifierReminder)
        {
            lines = [.. lines, $"Ne communiquez ce code à personne : {portal} ne vous le demandera jamais."];
        }

        return new RenderedMessage(notification.Id, tenant, notification.Channel, notification.Destination, subject, Text(lines, portal), Html(subject, lines, code, portal));
    }

    private static string Text(string[] paragraphs, string portal) =>
        $"Bonjour,\n\n{string.Join("\n\n", paragraphs)}\n\n{portal}\n{Automatic}\n";

    private static string Html(string subject, string[] paragraphs, string? code, string portal)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(subject)}</title>\n</head>\n");
        html.Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; color: #1a1a1a;\">\n<p>Bonjour,</p>\n");
        foreach (var paragraph in paragraphs)
        {
            var encoded = Encode(paragraph);
            if (code is not null)
            {
                var encodedCode = Encode(code);
                encoded = encoded.Replace(encodedCode, $"<strong style=\"font-size: 20px; letter-spacing: 2px;\">{encodedCode}</strong>", StringComparison.Ordinal);
            }

            html.Append(CultureInfo.InvariantCulture, $"<p>{encoded}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(portal)}<br>\n<small style=\"color: #555555;\">{Encode(Automatic)}</small></p>\n</body>\n</html>\n");
        return html.ToString();
    }

    // Only markup is escaped, so the French text stays readable in the HTML source (it is sent as UTF-8).
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
