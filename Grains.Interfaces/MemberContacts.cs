namespace Sesame.Grains.Interfaces;

/// <summary>Where a member can be reached. Personal data: never logged.</summary>
/// <param name="Email">The e-mail address, or null.</param>
/// <param name="Mobile">The mobile number in international form (+33612345678), or null.</param>
/// <param name="PostalAddress">The address lines of letters, the postal code and town last; empty when unknown.</param>
[GenerateSerializer, Immutable, Alias("sesame.MemberContacts")]
public sealed record MemberContacts([Id(0)] string? Email, [Id(1)] string? Mobile, [Id(2)] IReadOnlyList<string> PostalAddress)
{
    public static MemberContacts None { get; } = new(null, null, []);
}
