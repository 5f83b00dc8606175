using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Services;

namespace Sesame.Frontend.Hosting;

public static class FrontendEndpointExtensions
{
    /// <summary>
    /// Maps Sésame's gRPC services, <c>grpc.health.v1.Health</c> (Check and Watch) and, where enabled, server
    /// reflection. Unknown services and methods get UNIMPLEMENTED.
    /// </summary>
    public static WebApplication MapSesameFrontend(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        app.UseHttp2Required();
        app.UseBoundedGrpcStatusMessages(options.MaxReceiveMessageSize);
        app.MapGrpcService<MemberAuthService>();
        app.MapGrpcService<MemberRecoveryService>();
        app.MapGrpcService<MemberActivationService>();
        app.MapGrpcService<PortalService>();
        app.MapGrpcService<MemberAdminService>();
        app.MapGrpcHealthChecksService();
        if (options.Reflection ?? app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }
}
