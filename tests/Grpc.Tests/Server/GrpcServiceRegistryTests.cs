using Microsoft.Extensions.DependencyInjection;
using Sesame.Grpc.Hosting;

namespace Sesame.Grpc.Tests.Server;

public sealed class GrpcServiceRegistryTests
{
    [Fact]
    public void AddService_ClassMissingAUnaryMethod_ThrowsNamingTheMethod()
    {
        var services = new ServiceCollection();

        var exception = Assert.Throws<InvalidOperationException>(() =>
            services.AddGrpcServer(server => server.AddService<IncompleteEchoService>(GrpcTestServer.EchoDescriptor)));

        Assert.Contains("sesame.test.Echo/Echo", exception.Message, StringComparison.Ordinal);
    }
}
