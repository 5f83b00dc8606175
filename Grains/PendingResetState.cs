namespace Sesame.Grains;

/// <summary>A verified code's permission to choose a new secret; only the reset token's seal is kept.</summary>
[GenerateSerializer, Alias("sesame.state.PendingResetState")]
internal sealed class PendingResetState
{
    [Id(0)]
    public string TokenSeal { get; set; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }
}
