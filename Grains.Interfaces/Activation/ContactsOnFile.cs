namespace Sesame.Grains.Interfaces.Activation;

/// <summary>What a member's space is shown of the account's contacts: masked, with the identifier chosen at an earlier activation.</summary>
/// <param name="MaskedEmail">The e-mail address on file, masked; null when there is none.</param>
/// <param name="MaskedMobile">The mobile number on file, masked; null when there is none.</param>
/// <param name="HasPostalAddress">Whether letters can reach the member.</param>
/// <param name="ChosenIdentifier">The identifier the member chose, kept for life; null before the first activation.</param>
[GenerateSerializer, Immutable, Alias("sesame.ContactsOnFile")]
public sealed record ContactsOnFile([Id(0)] string? MaskedEmail, [Id(1)] string? MaskedMobile, [Id(2)] bool HasPostalAddress, [Id(3)] string? ChosenIdentifier);
