namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>Why a delivery attempt failed.</summary>
[GenerateSerializer, Alias("sesame.DeliveryError")]
public enum DeliveryError
{
    /// <summary>The server could not be reached, timed out or failed: trying again later may work.</summary>
    Transient = 1,

    /// <summary>The server refused the address or the message for good (a 5xx reply): trying again would fail again.</summary>
    Refused = 2,
}
