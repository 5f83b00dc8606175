using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>
/// Who the member of one account is, how to reach them and which terms they accepted: written only when one of these
/// changes (creation, back-office or verified contact changes, terms, the identifier chosen at activation), never by a
/// sign-in. Stored beside <see cref="MemberAccountState"/> under the same grain; personal data encrypted
/// (<see cref="PersonalDataAttribute"/>).
/// </summary>
[GenerateSerializer, Alias("sesame.state.MemberProfileState")]
internal sealed class MemberProfileState
{
    /// <summary>
    /// The identifier the account was created with (issued identifier, member number or NIR). The account's key is
    /// only its digest (<see cref="Hashing.IGrainKeys.Account"/>), so the account keeps it to tell it.
    /// </summary>
    [PersonalData]
    [Id(0)]
    public string Identifier { get; set; } = string.Empty;

    [PersonalData]
    [Id(1)]
    public DateOnly? BirthDate { get; set; }

    /// <summary>The NIR's lookup key (<see cref="Hashing.IKeyedDigest.LookupKey"/>); the NIR itself is not kept.</summary>
    [Id(2)]
    public string? NirDigest { get; set; }

    [PersonalData]
    [Id(3)]
    public string? PostalCode { get; set; }

    [PersonalData]
    [Id(4)]
    public string? Email { get; set; }

    [PersonalData]
    [Id(5)]
    public string? Mobile { get; set; }

    [PersonalData]
    [Id(6)]
    public List<string> PostalAddress { get; set; } = [];

    /// <summary>The IBAN's last six characters, hashed like a secret.</summary>
    [Id(7)]
    public string? IbanTailHash { get; set; }

    [Id(8)]
    public string? AcceptedTermsVersion { get; set; }

    [Id(9)]
    public DateTimeOffset? TermsAcceptedAt { get; set; }

    [Id(10)]
    public string? AcceptedPrivacyPolicyVersion { get; set; }

    /// <summary>The identifier the member chose (<see cref="Interfaces.Tenants.IdentifierKind.ChosenIdentifier"/>); kept for life.</summary>
    [PersonalData]
    [Id(11)]
    public string? ChosenIdentifier { get; set; }
}
