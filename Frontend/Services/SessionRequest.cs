using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Services;

/// <summary>A portal's call on a session that passed the edge.</summary>
internal sealed record SessionRequest(ISessionGrain Session, string SessionKey, CallOrigin Origin, TenantPolicy Policy);
