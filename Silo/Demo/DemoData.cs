using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Silo.Demo;

/// <summary>The demo tenants and members a host with no configuration starts with. The secrets are public: demo only.</summary>
internal static class DemoData
{
    public static IReadOnlyDictionary<string, TenantPolicy> Tenants { get; } = new Dictionary<string, TenantPolicy>
    {
        ["assu2000"] = new() { DisplayName = "ASSU2000" },
        ["acs"] = new() { DisplayName = "ACS" },
        ["cpms"] = new()
        {
            DisplayName = "CPMS",
            Identifier = IdentifierKind.Nir,
            Keypad = new KeypadPolicy { Enabled = true },
            TermsVersion = "cgu-2024-01",

            // The identifier is the NIR itself: there is nothing to recover, and an e-mail would carry the NIR.
            IdentifierRecovery = new IdentifierRecoveryPolicy { Enabled = false },
        },
        ["mnt"] = new()
        {
            DisplayName = "Mutuelle des agents publics",
            Identifier = IdentifierKind.MemberNumber,
            Secret = new SecretPolicy
            {
                Kind = SecretKind.Password,

                // "des chiffres, des caractères spéciaux et des majuscules (évitez ... ' % \ _)", "tous les 6 mois".
                Password = new PasswordRules { RequireLowercase = false, ForbiddenCharacters = "'%\\_" },
                RenewalAdvisedAfter = TimeSpan.FromDays(182),
            },

            // "Anti-Robot : Cliquer sur l'image correspondant au mot : vélo"; codes by e-mail, SMS or letter, as chosen.
            Challenge = new ChallengePolicy
            {
                Enabled = true,
                Pictures = new()
                {
                    ["velo.png"] = "vélo",
                    ["voiture.png"] = "voiture",
                    ["maison.png"] = "maison",
                    ["arbre.png"] = "arbre",
                    ["bateau.png"] = "bateau",
                    ["avion.png"] = "avion",
                    ["chat.png"] = "chat",
                    ["fleur.png"] = "fleur",
                },
            },
            Recovery = new RecoveryPolicy { Sms = new CodeChannelPolicy { Enabled = true } },
            Sms = new SmsPolicy { SenderId = "MNT" },
        },
        ["mes"] = new()
        {
            DisplayName = "Mon espace santé",

            // "seuls les chiffres, les lettres minuscules et les caractères point, tiret et espace souligné", "au minimum 8".
            Identifier = IdentifierKind.ChosenIdentifier,

            // "8 caractères au minimum avec, au moins : une lettre minuscule, une lettre majuscule, un chiffre, un caractère spécial".
            Secret = new SecretPolicy { Kind = SecretKind.Password, Password = new PasswordRules { MinLength = 8 } },
            TermsVersion = "cgu-2022-01",
            Activation = new ActivationPolicy { Enabled = true, PrivacyPolicyVersion = "ppdp-2022-01" },

            // "Je choisis le mode de réception de mon code d'accès : Par e-mail / Par SMS".
            SecondFactor = new SecondFactorPolicy { Enabled = true },
            Recovery = new RecoveryPolicy { Sms = new CodeChannelPolicy { Enabled = true } },

            // Members confirmed an e-mail or a mobile at activation, and have no IBAN on file.
            IdentifierRecovery = new IdentifierRecoveryPolicy { BySms = true },
            Sms = new SmsPolicy { SenderId = "MonEspSante" },
        },
    };

    /// <summary>Fictitious people: the NIRs have valid keys but the numbers are made up.</summary>
    public static IReadOnlyList<DemoMember> Members { get; } =
    [
        new("assu2000", "AS100001", "482913", new DateOnly(1985, 3, 14), "185037511122253", "75011", "sophie.martin@courriel.fr", null, ["Sophie MARTIN", "12 rue de la Roquette", "75011 PARIS"], "840173"),
        new("assu2000", "AS100002", "305718", new DateOnly(1992, 11, 2), "292076912304591", "69003", null, null, ["Karim BENALI", "4 cours Gambetta", "69003 LYON"], "552019"),
        new("acs", "AC200001", "730462", new DateOnly(1978, 6, 30), "268077505678943", "33000", "jeanne.roux@exemple.fr", null, ["Jeanne ROUX", "8 quai des Chartrons", "33000 BORDEAUX"], null),
        new("cpms", "185057800608491", "264815", new DateOnly(1985, 5, 21), null, "78000", "cpms@cpms.com", null, ["Paul DURAND", "3 avenue de Paris", "78000 VERSAILLES"], null),

        // Never signed in: "PREMIÈRE CONNEXION" with the security code of the welcome letter (MemberAdmin/ListPendingLetters).
        new("cpms", "295051305512388", null, new DateOnly(1995, 5, 3), null, "13005", null, null, ["Lucie FABRE", "21 boulevard Baille", "13005 MARSEILLE"], null),
        new("mnt", "1002003", "Velo-Rouge-2026!", new DateOnly(1971, 9, 8), null, "31000", "claire.petit@exemple.fr", "+33612345678", ["Claire PETIT", "5 allée Jean Jaurès", "31000 TOULOUSE"], null),

        // Sent a provisional code at start (in the dev outbox's log): "Je m'identifie" with it and the NIR, then the card.
        new("mes", "MES-0000001", null, new DateOnly(1968, 4, 12), "168047512345617", "75012", "christian.durand@exemple.fr", "+33712345678", ["Christian DURAND", "40 avenue Daumesnil", "75012 PARIS"], null)
        {
            VitaleCard = new VitaleCard(VitaleCardKind.WithPhoto, "8025000002"),
        },

        // No e-mail: the provisional code waits in MemberAdmin/ListPendingLetters.
        new("mes", "MES-0000002", null, new DateOnly(1979, 3, 13), "279031305512364", "13005", null, "+33798765432", ["Nadia HADDAD", "7 rue Saint-Pierre", "13005 MARSEILLE"], null)
        {
            VitaleCard = new VitaleCard(VitaleCardKind.WithoutPhoto, "1049300117"),
        },
    ];

    internal sealed record DemoMember(string Tenant, string Identifier, string? Secret, DateOnly BirthDate, string? Nir, string PostalCode, string? Email, string? Mobile, IReadOnlyList<string> Address, string? IbanTail)
    {
        public VitaleCard? VitaleCard { get; init; }

        public NewMemberAccount ToNewAccount() => new(Secret, BirthDate)
        {
            Identifier = Identifier,
            Nir = Nir ?? (Tenant == "cpms" ? Identifier : null),
            PostalCode = PostalCode,
            Contacts = new MemberContacts(Email, Mobile, Address),
            IbanTail = IbanTail,
            VitaleCard = VitaleCard,
        };
    }
}
