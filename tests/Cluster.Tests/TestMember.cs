namespace Sesame.Cluster.Tests;

/// <summary>A member imported by <see cref="PersonalDataOnAzuriteTests"/>, with every personal value it may not find again.</summary>
internal sealed record TestMember(string Identifier, string Nir, string? Email, string? Mobile, string IbanTail, string Street)
{
    public const string BirthDate = "1984-07-19";
    public const string PostalCode = "75011";

    /// <summary>The member as an <c>ImportMembers</c> record; without a secret, the member chooses a PIN at first connection.</summary>
    public object Record(string? secret) => new
    {
        identifier = Identifier,
        secret = secret ?? string.Empty,
        birth_date = BirthDate,
        nir = Nir,
        postal_code = PostalCode,
        email = Email ?? string.Empty,
        mobile = Mobile ?? string.Empty,
        address_lines = new[] { "Camille TESTARD", Street, $"{PostalCode} PARIS" },
        iban_tail = IbanTail,
    };

    /// <summary>A <c>RecoverIdentifier</c> request for this member.</summary>
    public object Lookup(string tenant) => new { tenant, nir = Nir, birth_date = BirthDate, postal_code = PostalCode };

    /// <summary>A <c>RevealIdentifier</c> request for this member.</summary>
    public object Reveal(string tenant) => new { tenant, nir = Nir, birth_date = BirthDate, postal_code = PostalCode, iban_tail = IbanTail };

    /// <summary>Whatever identifies the member, as given and as Sésame keeps it (mobiles in both forms).</summary>
    public IEnumerable<string?> PersonalValues() =>
        [Identifier, Nir, Email, Mobile, Mobile is null ? null : $"0{Mobile[3..]}", IbanTail, Street, BirthDate];
}
