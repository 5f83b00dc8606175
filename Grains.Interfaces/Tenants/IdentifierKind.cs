namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>What members of a tenant identify themselves with.</summary>
[GenerateSerializer, Alias("sesame.IdentifierKind")]
public enum IdentifierKind
{
    /// <summary>An identifier the insurer issued (assu2000, acs): up to 64 characters, no spaces.</summary>
    IssuedIdentifier = 0,

    /// <summary>A member number (mnt: "N° adhérent"): digits only.</summary>
    MemberNumber = 1,

    /// <summary>The social security number (cpms): 15 characters with a valid key; spaces are ignored.</summary>
    Nir = 2,

    /// <summary>
    /// An identifier the member chooses when activating the space (mes): 8 to 64 lower-case letters, digits, '.', '-'
    /// or '_', so never an e-mail address, unique within the tenant and never reused. Back offices address the
    /// account by the reference they imported it with (an issued identifier).
    /// </summary>
    ChosenIdentifier = 3,
}
