namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>Why a message left the outbox without being delivered.</summary>
[GenerateSerializer, Alias("sesame.UndeliveredReason")]
public enum UndeliveredReason
{
    /// <summary>The server refused the address or the message for good.</summary>
    Refused = 1,

    /// <summary>Every attempt the channel allows failed.</summary>
    AttemptsExhausted = 2,

    /// <summary>The code it carried expired before a delivery succeeded.</summary>
    Expired = 3,
}
