using Microsoft.Extensions.DependencyInjection;

namespace Sesame.Interop.Tests;

/// <summary>
/// One <see cref="SesameServer"/> with no configuration (test doubles aside), shared by a collection or a class; each
/// test uses its own accounts.
/// </summary>
public class SesameServerFixture : IAsyncLifetime
{
    private readonly Action<IServiceCollection>? services;
    private SesameServer? server;

    public SesameServerFixture()
    {
    }

    /// <summary>A server whose composition <paramref name="services"/> changes: xUnit makes fixtures with one public constructor only.</summary>
    protected SesameServerFixture(Action<IServiceCollection> services) => this.services = services;

    public SesameServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => server = await SesameServer.StartAsync(services: services);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
