namespace Sesame.Interop.Tests;

/// <summary>A server of a test class's own on a <see cref="TestGrainStorage"/>, which the class reads or breaks.</summary>
public sealed class TestGrainStorageServerFixture() : SesameServerFixture(TestGrainStorage.Install)
{
    public TestGrainStorage Storage => TestGrainStorage.Of(Server);
}
