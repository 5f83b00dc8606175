namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>Who a member says they are, to recover their identifier. Personal data: never logged.</summary>
/// <param name="Nir">The NIR, normalized (see <see cref="Interfaces.Nir"/>).</param>
/// <param name="BirthDate">The member's birth date.</param>
/// <param name="PostalCode">The five-digit postal code on file.</param>
[GenerateSerializer, Immutable, Alias("sesame.IdentityQuery")]
public sealed record IdentityQuery([Id(0)] string Nir, [Id(1)] DateOnly BirthDate, [Id(2)] string PostalCode);
