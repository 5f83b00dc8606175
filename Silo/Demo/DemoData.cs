using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Silo.Demo;

/// <summary>The demo tenants and members a host with no configuration starts with. The secrets are public: demo only.</summary>
internal static class DemoData
{
    public static IReadOnlyDictionary<string, TenantPolicy> Tenants { get; } = new Dictionary<string, TenantPolicy>
    {
        ["assu2000"] = new() { DisplayName = "ASSU2000" },
        ["acs"] = new() { DisplayName = "ACS" },
        ["cpms"] = new() { DisplayName = "CPMS", Identifier = IdentifierKind.Nir, Keypad = new KeypadPolicy { Enabled = true } },
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
        },
    };

    public static IReadOnlyList<DemoMember> Members { get; } =
    [
        new("assu2000", "AS100001", "482913", new DateOnly(1985, 3, 14)),
        new("assu2000", "AS100002", "305718", new DateOnly(1992, 11, 2)),
        new("acs", "AC200001", "730462", new DateOnly(1978, 6, 30)),
        new("cpms", "185057800608491", "264815", new DateOnly(1985, 5, 21)),
        new("mnt", "1002003", "Velo-Rouge-2026!", new DateOnly(1971, 9, 8)),
    ];

    internal sealed record DemoMember(string Tenant, string Identifier, string Secret, DateOnly BirthDate);
}
