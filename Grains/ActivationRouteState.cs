namespace Sesame.Grains;

/// <summary>The stored state of an activation id: the account it works on, until when.</summary>
internal sealed class ActivationRouteState
{
    public string AccountKey { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
