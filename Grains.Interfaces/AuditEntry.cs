namespace Sesame.Grains.Interfaces;

/// <summary>One entry of an account's audit trail.</summary>
public sealed record AuditEntry(DateTimeOffset At, AuditEvent Event, string Caller, string? ClientIp, string? UserAgent);
