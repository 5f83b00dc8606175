using Sesame.Grains.Interfaces.Activation;

namespace Sesame.Grains;

/// <summary>An activation under way: how far it went, and its end. Its id is kept only as a hash.</summary>
[GenerateSerializer, Alias("sesame.state.ActivationFlowState")]
internal sealed class ActivationFlowState
{
    /// <summary>The activation id's <see cref="Interfaces.TokenKey.Digest"/>.</summary>
    [Id(0)]
    public string IdDigest { get; set; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The furthest step done.</summary>
    [Id(2)]
    public ActivationStep Step { get; set; }

    /// <summary>Vitale cards given that did not match.</summary>
    [Id(3)]
    public int CardMismatches { get; set; }

    /// <summary>A new e-mail address or mobile number waiting for the code sent to it.</summary>
    [Id(4)]
    public ContactChangeState? ContactChange { get; set; }
}
