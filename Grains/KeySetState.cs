namespace Sesame.Grains;

/// <summary>The stored state of a grain that lists keys.</summary>
[GenerateSerializer, Alias("sesame.state.KeySetState")]
internal sealed class KeySetState
{
    [Id(0)]
    public SortedSet<string> Keys { get; set; } = new(StringComparer.Ordinal);
}
