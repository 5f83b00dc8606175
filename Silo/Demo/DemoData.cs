using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Silo.Demo;

/// <summary>The demo tenants and members a host with no configuration starts with. The PINs are public: demo only.</summary>
internal static class DemoData
{
    public static IReadOnlyDictionary<string, TenantPolicy> Tenants { get; } = new Dictionary<string, TenantPolicy>
    {
        ["assu2000"] = new() { DisplayName = "ASSU2000" },
        ["acs"] = new() { DisplayName = "ACS" },
        ["cpms"] = new() { DisplayName = "CPMS", RevealRemainingAttempts = true },
    };

    public static IReadOnlyList<DemoMember> Members { get; } =
    [
        new("assu2000", "AS100001", "482913", new DateOnly(1985, 3, 14)),
        new("assu2000", "AS100002", "305718", new DateOnly(1992, 11, 2)),
        new("acs", "AC200001", "730462", new DateOnly(1978, 6, 30)),
        new("cpms", "185057800608491", "264815", new DateOnly(1985, 5, 21)),
    ];

    internal sealed record DemoMember(string Tenant, string Identifier, string Pin, DateOnly BirthDate);
}
