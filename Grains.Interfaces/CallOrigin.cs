namespace Sesame.Grains.Interfaces;

/// <summary>Who made a call, for the audit trail: the portal or back office, and the member's address and browser as the portal forwarded them.</summary>
/// <param name="Caller">The id of the portal or back-office credential.</param>
/// <param name="ClientIp">The member's IP address, normalised; null when the portal did not send it.</param>
/// <param name="UserAgent">The member's user agent; null when the portal did not send it.</param>
[GenerateSerializer, Immutable, Alias("sesame.CallOrigin")]
public sealed record CallOrigin([Id(0)] string Caller, [Id(1)] string? ClientIp, [Id(2)] string? UserAgent);
