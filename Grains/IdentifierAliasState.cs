namespace Sesame.Grains;

/// <summary>The stored state of a chosen identifier: the account that holds it.</summary>
[GenerateSerializer, Alias("sesame.state.IdentifierAliasState")]
internal sealed class IdentifierAliasState
{
    [Id(0)]
    public string AccountKey { get; set; } = string.Empty;
}
