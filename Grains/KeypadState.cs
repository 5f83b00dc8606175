namespace Sesame.Grains;

/// <summary>The stored state of one keypad.</summary>
[GenerateSerializer, Alias("sesame.state.KeypadState")]
internal sealed class KeypadState
{
    /// <summary>The digit shown at each position.</summary>
    [Id(0)]
    public List<int> Digits { get; set; } = [];

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)]
    public bool Used { get; set; }
}
