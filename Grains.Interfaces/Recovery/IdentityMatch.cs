namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>A member whose NIR, birth date and postal code match an identifier lookup.</summary>
/// <param name="Identifier">The member's identifier.</param>
/// <param name="MaskedEmail">The e-mail on file, masked; null when there is none.</param>
public sealed record IdentityMatch(string Identifier, string? MaskedEmail);
