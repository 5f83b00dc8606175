using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Letters;

/// <summary>
/// The French wording of each kind of letter, after the portals' help pages: where the member types the code, what
/// comes next, and what to do if they did not ask. The member's identifier is never printed: the code alone opens
/// nothing, and a letter lost in the post must not hold both.
/// </summary>
internal static class LetterWording
{
    public static LetterContent For(PendingLetter letter, TenantPolicy tenant, string portal)
    {
        var validity = letter.CodeExpiresAt is { } expiresAt ? $"Valable jusqu'au {FrenchDates.DayAndTime(expiresAt)}." : string.Empty;
        var code = letter.SecurityCode ?? string.Empty;
        return letter.Kind == NotificationKind.ProvisionalCode
            ? new LetterContent(
                $"Votre code provisoire {portal}",
                $"Vous allez bénéficier de {portal}. Avec votre carte Vitale et le code provisoire ci-dessous, vous pouvez activer sans attendre votre espace ou vous opposer à sa création. Dans un délai de 6 semaines à partir de la réception de ce courrier, votre espace sera créé automatiquement si vous n'avez rien décidé.",
                "Votre code provisoire (12 caractères) :",
                code,
                validity,
                [
                    $"Rendez-vous sur {portal}, à l'étape « Je m'identifie ».",
                    "Saisissez ce code provisoire et votre numéro de sécurité sociale tel qu'il figure sur votre carte Vitale.",
                    "Gardez votre carte Vitale à portée de main : elle vous sera demandée ensuite.",
                    "Choisissez d'activer votre espace ou de vous opposer à sa création. Vous pourrez à tout moment changer d'avis : clôturer votre espace ou l'activer.",
                ],
                "Ce code est personnel : ne le communiquez à personne.")
            : new LetterContent(
                "Votre code de sécurité",
                letter.Kind == NotificationKind.SecurityCode
                    ? $"Voici votre code de sécurité à usage unique pour vous connecter à votre espace {portal} et y créer votre mot de passe."
                    : $"Vous avez demandé un nouveau mot de passe pour votre espace {portal} (« Mot de passe oublié »). Voici votre code de sécurité à usage unique.",
                "Votre code de sécurité à usage unique :",
                code,
                validity,
                SecurityCodeSteps(tenant, portal),
                letter.Kind == NotificationKind.SecurityCode
                    ? $"Ce code est personnel : ne le communiquez à personne, pas même à un conseiller {portal}."
                    : $"Si vous n'avez rien demandé, ne tenez pas compte de ce courrier. Ce code est personnel : ne le communiquez à personne, pas même à un conseiller {portal}.");
    }

    private static List<string> SecurityCodeSteps(TenantPolicy tenant, string portal)
    {
        // cpms signs in with the NIR and takes the letter's code in place of the PIN; the others go through
        // "Mot de passe oublié", which mnt's help page also gives for a first connection.
        List<string> steps = tenant.Identifier == IdentifierKind.Nir
            ? [$"Connectez-vous à votre espace {portal} en saisissant votre numéro de Sécurité sociale et ce code de sécurité."]
            : [
                $"Sur votre espace {portal}, cliquez sur « Mot de passe oublié » et saisissez {IdentifierLabel(tenant.Identifier)}.",
                "Saisissez ce code de sécurité et cliquez sur « Vérifier ».",
            ];
        steps.Add(tenant.Secret.Kind == SecretKind.Pin
            ? $"Créez votre mot de passe définitif à 6 chiffres{(tenant.Keypad.Enabled ? " sur le clavier affiché" : string.Empty)} et confirmez-le."
            : "Choisissez votre nouveau mot de passe et confirmez-le.");
        if (tenant.TermsVersion.Length > 0)
        {
            steps.Add("Acceptez, si vous le souhaitez, les Conditions Générales d'Utilisation.");
        }

        return steps;
    }

    private static string IdentifierLabel(IdentifierKind kind) => kind switch
    {
        IdentifierKind.MemberNumber => "votre numéro d'adhérent",
        _ => "votre identifiant",
    };
}
