using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Sesame.Frontend.Security;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// The Orleans dashboard on a listener of its own, composed only when <c>Sesame:Dashboard:Port</c> is set. Its routes
/// answer on that listener only, and nothing else does; off loopback (or with RequireCredential) they ask for a
/// back-office credential, over TLS.
/// </summary>
internal static class DashboardSetup
{
    private const string Section = SesameSections.Dashboard;

    public static WebApplicationBuilder AddSesameDashboard(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[Section + ":Port"]))
        {
            return builder;
        }

        builder.Services.AddOptions<DashboardSettings>().BindConfiguration(Section)
            .Validate(settings => settings.Port is > 0 and <= 65535, $"{Section}:Port must be between 1 and 65535.")
            .Validate(settings => IPAddress.TryParse(settings.Address, out _), $"{Section}:Address must be an IP address, such as 127.0.0.1.")
            .Validate(settings => settings.Certificate.Path is null || settings.Certificate.Subject is null, $"{Section}:Certificate takes a Path or a Subject, not both.")
            .Validate<IOptions<EndpointOptions>>((settings, endpoint) => settings.Port != endpoint.Value.Port, $"{Section}:Port must differ from {SesameSections.Endpoint}:Port: the gRPC endpoint speaks HTTP/2 only, the dashboard is a browser page.")
            .Validate(settings => !settings.IsExposed || settings.Certificate.IsConfigured, $"{Section}:Address is not a loopback address, so the dashboard needs {Section}:Certificate: the back-office key it asks for must not cross the network in clear.")
            .Validate<IOptions<BackOfficesOptions>>((settings, backOffices) => !settings.RequiresCredential || backOffices.Value.Count > 0, $"{Section} asks for a back-office credential (its Address is not loopback, or RequireCredential is true), and {SesameSections.BackOffices} configures none.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DashboardGate>();
        // The live log stream stays off: the development outbox writes codes in the log.
        builder.UseOrleans(silo => silo.AddDashboard(options => options.HideTrace = true));
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var settings = kestrel.ApplicationServices.GetRequiredService<IOptions<DashboardSettings>>().Value;
            kestrel.Listen(IPAddress.Parse(settings.Address), settings.Port!.Value, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (settings.Certificate.IsConfigured)
                {
                    listen.UseHttps(ConfiguredCertificate.Load(settings.Certificate, Section + ":Certificate"));
                }
            });
        });
        return builder;
    }

    /// <summary>Before the gRPC middleware, which would answer the dashboard's HTTP/1.1 requests with 426.</summary>
    public static WebApplication MapSesameDashboard(this WebApplication app)
    {
        if (app.Services.GetService<DashboardGate>() is not { } gate)
        {
            return app;
        }

        app.Use((context, next) => gate.IsDashboardListener(context) ? Results.NotFound().ExecuteAsync(context) : next(context));
        app.MapOrleansDashboard().AddEndpointFilter(gate).ShortCircuit();
        return app;
    }
}
