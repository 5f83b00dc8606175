namespace Sesame.Grains;

/// <summary>The stored state of a grain that lists keys.</summary>
internal sealed class KeySetState
{
    public SortedSet<string> Keys { get; set; } = new(StringComparer.Ordinal);
}
