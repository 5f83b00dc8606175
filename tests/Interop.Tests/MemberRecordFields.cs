using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>A <c>sesame.v1.MemberRecord</c> as the Node client sends it (proto field names), with fresh identity fields.</summary>
#pragma warning disable IDE1006 // The names are the proto's fields.
public sealed record MemberRecordFields(
    string identifier,
    string secret,
    string birth_date,
    string nir,
    string postal_code,
    string email,
    string mobile,
    string[] address_lines,
    string iban_tail,
    string vitale_card_kind = "VITALE_CARD_KIND_UNSPECIFIED",
    string vitale_card_serial = "")
{
    /// <summary>A member of <paramref name="tenant"/> nobody else uses, with a NIR, an address and an IBAN tail, no e-mail, no mobile.</summary>
    public static MemberRecordFields For(string tenant, string secret = "")
    {
        var nir = TestIdentifiers.Nir();
        return new(
            tenant == "cpms" ? nir : TestIdentifiers.For(tenant),
            secret,
            "1984-07-19",
            nir,
            "75011",
            string.Empty,
            string.Empty,
            ["Camille TESTARD", "12 rue de la Roquette", "75011 PARIS"],
            $"{Random.Shared.Next(100_000, 999_999)}");
    }

    /// <summary>
    /// A member of Mon espace santé (mes) nobody else uses: a reference, a NIR, an e-mail, a mobile, an address and a
    /// Vitale card with photo; no secret, no IBAN.
    /// </summary>
    public static MemberRecordFields ForSpace() => For("mes") with
    {
        secret = string.Empty,
        email = $"c{Guid.NewGuid():N}@exemple.fr",
        mobile = $"07{Random.Shared.Next(10_000_000, 99_999_999)}",
        iban_tail = string.Empty,
        vitale_card_kind = "VITALE_CARD_KIND_WITH_PHOTO",
        vitale_card_serial = $"80{Random.Shared.Next(10_000_000, 99_999_999)}",
    };

    /// <summary>The mobile in the international form Sésame keeps and sends SMS to.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string InternationalMobile => $"+33{mobile[1..]}";
}
#pragma warning restore IDE1006
