using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client.Configuration;
using Sesame.V1;

namespace Sesame.Client;

/// <summary>
/// The gRPC service config of every Sésame channel: calls that only read (ValidateSession, DescribeTenant, the
/// health check) are retried when the server is UNAVAILABLE. Nothing else is: a sign-in or a code check counts
/// attempts on the server, so a retry could lock a member out or burn a code.
/// </summary>
internal static class SesameServiceConfig
{
    public static ServiceConfig Create() => new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names =
                {
                    new MethodName { Service = MemberAuth.Descriptor.FullName, Method = nameof(MemberAuth.MemberAuthClient.ValidateSession) },
                    new MethodName { Service = V1.Portal.Descriptor.FullName, Method = nameof(V1.Portal.PortalClient.DescribeTenant) },
                    new MethodName { Service = Health.Descriptor.FullName, Method = nameof(Health.HealthClient.Check) },
                },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 3,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromSeconds(1),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };
}
