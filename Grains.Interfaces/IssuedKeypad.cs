namespace Sesame.Grains.Interfaces;

/// <summary>A keypad just shuffled: the digit shown at each of ten positions, and when it stops being accepted.</summary>
[GenerateSerializer, Immutable, Alias("sesame.IssuedKeypad")]
public sealed record IssuedKeypad([Id(0)] IReadOnlyList<int> Digits, [Id(1)] DateTimeOffset ExpiresAt);
