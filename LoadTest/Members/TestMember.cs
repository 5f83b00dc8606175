using System.Text.Json.Serialization;

namespace Sesame.LoadTest.Members;

/// <summary>
/// A member the tool seeded: test data only (made-up NIRs, test PINs, addresses at example.test). The secret changes
/// when a forgot-PIN journey sets a new one, so the member file written after a run holds the current one.
/// </summary>
internal sealed class TestMember
{
    public required string Tenant { get; init; }

    /// <summary>What the member signs in with: the issued identifier, member number or NIR; for mes the chosen identifier once activated.</summary>
    public required string Identifier { get; set; }

    /// <summary>The identifier the back office imported the member with (for mes, the reference; otherwise the identifier).</summary>
    public required string Reference { get; init; }

    public required string Secret { get; set; }

    public required string BirthDate { get; init; }

    public required string Nir { get; init; }

    public required string PostalCode { get; init; }

    public required string Email { get; init; }

    /// <summary>mes: the Vitale card's serial number (without photo), checked at activation.</summary>
    public string VitaleSerial { get; init; } = string.Empty;

    public MemberRole Role { get; init; }

    /// <summary>mes: whether the space was activated (a password chosen) at seeding.</summary>
    public bool Activated { get; set; }
}

/// <summary>What a member is used for during a run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
internal enum MemberRole
{
    /// <summary>Signs in, validates, recovers: one journey at a time.</summary>
    Regular,

    /// <summary>Hammered with wrong PINs up to a lockout, once per run, then checked from the audit trail and unlocked.</summary>
    Lockout,
}
