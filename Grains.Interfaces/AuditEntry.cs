namespace Sesame.Grains.Interfaces;

/// <summary>One entry of an account's audit trail.</summary>
[GenerateSerializer, Immutable, Alias("sesame.AuditEntry")]
public sealed record AuditEntry([Id(0)] DateTimeOffset At, [Id(1)] AuditEvent Event, [Id(2)] string Caller, [Id(3)] string? ClientIp, [Id(4)] string? UserAgent);
