using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Options;
using Sesame.Frontend.Security;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Lets a dashboard request through only on the dashboard's listener and, where the settings ask for it, with a
/// back-office credential: HTTP Basic with the back office's id and key (what a browser prompts for), or
/// <c>authorization: Bearer &lt;key&gt;</c>, checked by the hash of the key as the gRPC API checks it.
/// </summary>
internal sealed class DashboardGate(IOptions<DashboardSettings> settings, CallerDirectory callers) : IEndpointFilter
{
    private const string Challenge = "Basic realm=\"Sesame dashboard\", charset=\"UTF-8\"";

    // The state viewer calls a grain's parameterless getters by reflection; a member's state holds personal data.
    private const string GrainStateRoute = "/GrainState";

    public bool IsDashboardListener(HttpContext context) => context.Connection.LocalPort == settings.Value.Port;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsDashboardListener(http) || http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: GrainStateRoute })
        {
            return Results.NotFound();
        }

        if (settings.Value.RequiresCredential && !Admits(http.Request.Headers.Authorization.ToString()))
        {
            http.Response.Headers.WWWAuthenticate = Challenge;
            return Results.Unauthorized();
        }

        return await next(context);
    }

    private bool Admits(string authorization)
    {
        var separator = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (separator < 0)
        {
            return false;
        }

        var scheme = authorization[..separator];
        var credential = authorization[(separator + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return callers.FindByKey(credential) is { Kind: CallerKind.BackOffice };
        }

        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || !Base64.IsValid(credential))
        {
            return false;
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(credential));
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && callers.FindByKey(pair[(colon + 1)..]) is { Kind: CallerKind.BackOffice } caller && caller.Id == pair[..colon];
    }
}
