namespace Sesame.Grains;

/// <summary>A verified code's permission to choose a new secret; only the reset token's seal is kept.</summary>
internal sealed class PendingResetState
{
    public string TokenSeal { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
