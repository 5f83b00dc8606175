using Grpc.Health.V1;
using Sesame.Grpc;
using Sesame.Grpc.Server;

namespace Sesame.Frontend.Services;

/// <summary><c>grpc.health.v1.Health/Check</c>: SERVING for the server ("") and for each service it serves.</summary>
internal sealed class HealthService(GrpcServiceRegistry registry)
{
    public Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, ServerCallContext context)
    {
        if (request.Service.Length > 0 && !registry.ServiceNames.Contains(request.Service))
        {
            throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is not served here.");
        }

        return Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });
    }
}
