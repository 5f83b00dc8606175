using Sesame.Grains.Interfaces.Activation;

namespace Sesame.Grains;

/// <summary>An activation under way: how far it went, and its end. Its id is kept only as a hash.</summary>
internal sealed class ActivationFlowState
{
    /// <summary>The activation id's <see cref="Interfaces.TokenKey.Digest"/>.</summary>
    public string IdDigest { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The furthest step done.</summary>
    public ActivationStep Step { get; set; }

    /// <summary>Vitale cards given that did not match.</summary>
    public int CardMismatches { get; set; }

    /// <summary>A new e-mail address or mobile number waiting for the code sent to it.</summary>
    public ContactChangeState? ContactChange { get; set; }
}
