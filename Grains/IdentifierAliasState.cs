namespace Sesame.Grains;

/// <summary>The stored state of a chosen identifier: the account that holds it.</summary>
internal sealed class IdentifierAliasState
{
    public string AccountKey { get; set; } = string.Empty;
}
