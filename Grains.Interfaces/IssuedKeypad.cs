namespace Sesame.Grains.Interfaces;

/// <summary>A keypad just shuffled: the digit shown at each of ten positions, and when it stops being accepted.</summary>
public sealed record IssuedKeypad(IReadOnlyList<int> Digits, DateTimeOffset ExpiresAt);
