namespace Sesame.Grains;

/// <summary>The stored state of one keypad.</summary>
internal sealed class KeypadState
{
    /// <summary>The digit shown at each position.</summary>
    public List<int> Digits { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }

    public bool Used { get; set; }
}
