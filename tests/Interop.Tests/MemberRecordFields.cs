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
    string iban_tail)
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
}
#pragma warning restore IDE1006
