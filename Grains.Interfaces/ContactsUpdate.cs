namespace Sesame.Grains.Interfaces;

/// <summary>A change of a member's contacts by a back office: null leaves a field as it is, empty removes it.</summary>
/// <param name="Email">The new e-mail address, empty to remove it, null to keep it.</param>
/// <param name="Mobile">The new mobile number, empty to remove it, null to keep it.</param>
/// <param name="PostalAddress">The new address lines, or null to keep them.</param>
/// <param name="PostalCode">The new postal code, or null to keep it.</param>
[GenerateSerializer, Immutable, Alias("sesame.ContactsUpdate")]
public sealed record ContactsUpdate([Id(0)] string? Email, [Id(1)] string? Mobile, [Id(2)] IReadOnlyList<string>? PostalAddress, [Id(3)] string? PostalCode);
