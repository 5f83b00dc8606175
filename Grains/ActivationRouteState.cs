namespace Sesame.Grains;

/// <summary>The stored state of an activation id: the account it works on, until when.</summary>
[GenerateSerializer, Alias("sesame.state.ActivationRouteState")]
internal sealed class ActivationRouteState
{
    [Id(0)]
    public string AccountKey { get; set; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }
}
