namespace Sesame.Grains.Interfaces;

/// <summary>What a back office supplies to create an account.</summary>
/// <param name="Secret">
/// The first PIN or password, under the tenant's rules; null when the member chooses it at first connection, with a
/// one-time security code sent by letter.
/// </param>
/// <param name="BirthDate">The member's birth date: it refuses PINs made of it and identifies the member.</param>
[GenerateSerializer, Immutable, Alias("sesame.NewMemberAccount")]
public sealed record NewMemberAccount([Id(0)] string? Secret, [Id(1)] DateOnly? BirthDate)
{
    /// <summary>
    /// The account's identifier (issued identifier, member number or NIR), normalized: the account is keyed by its
    /// digest only, so it keeps the identifier itself.
    /// </summary>
    [Id(2)]
    public required string Identifier { get; init; }

    /// <summary>The social security number, normalised (see <see cref="Interfaces.Nir"/>); it finds the member's identifier.</summary>
    [Id(3)]
    public string? Nir { get; init; }

    /// <summary>The five-digit postal code the member gives to recover the identifier.</summary>
    [Id(4)]
    public string? PostalCode { get; init; }

    /// <summary>Where codes and notifications reach the member.</summary>
    [Id(5)]
    public MemberContacts Contacts { get; init; } = MemberContacts.None;

    /// <summary>The last six characters of the IBAN the member is paid on; only a salted hash of it is kept.</summary>
    [Id(6)]
    public string? IbanTail { get; init; }

    /// <summary>The member's Vitale card, checked at activation (<see cref="Tenants.ActivationPolicy"/>); only a keyed hash of its serial number is kept.</summary>
    [Id(7)]
    public Activation.VitaleCard? VitaleCard { get; init; }
}
