using Sesame.Grains.Notifications;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>One smtp4dev for a test class, refusing (550) every recipient whose address starts with <see cref="RefusedPrefix"/>.</summary>
public sealed class Smtp4devFixture : IAsyncLifetime
{
    public const string RefusedPrefix = "refused";

    public Smtp4dev Server { get; private set; } = null!;

    /// <summary>Points <see cref="NotificationOptions.Smtp"/> at this server.</summary>
    public void Configure(NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = Server.SmtpPort, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task InitializeAsync() => Server = await Smtp4dev.StartAsync(refusedPrefix: RefusedPrefix);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
