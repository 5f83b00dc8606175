namespace Sesame.Interop.Tests;

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<SesameServerFixture>
{
    public const string Name = "Sésame server";
}
