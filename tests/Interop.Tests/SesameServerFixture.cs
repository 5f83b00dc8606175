namespace Sesame.Interop.Tests;

/// <summary>One <see cref="SesameServer"/> with no configuration, shared by a collection; each test uses its own accounts.</summary>
public sealed class SesameServerFixture : IAsyncLifetime
{
    private SesameServer? server;

    public SesameServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => server = await SesameServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
