using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;

namespace Sesame.Interop.Tests;

/// <summary>
/// Server reflection as grpcurl, Postman and grpcui use it: the stock reflection client of Grpc.Reflection lists the
/// services and fetches their descriptors, with no proto file on the client's side.
/// </summary>
public sealed class ReflectionInteropTests
{
    [Fact]
    public async Task ListServices_ReflectionOn_EveryServiceListed()
    {
        await using var server = await SesameServer.StartAsync(new Dictionary<string, string?> { ["Sesame:Grpc:Reflection"] = "true" });
        using var channel = GrpcChannel.ForAddress($"http://{server.Address}");

        var reply = await AskAsync(channel, new ServerReflectionRequest { ListServices = string.Empty });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "sesame.v1.MemberActivation", "sesame.v1.MemberAdmin", "sesame.v1.MemberAuth", "sesame.v1.MemberRecovery", "sesame.v1.Portal"],
            reply.ListServicesResponse.Service.Select(service => service.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FileContainingSymbol_MemberAuth_DescribesLoginWithItsMessages()
    {
        await using var server = await SesameServer.StartAsync(new Dictionary<string, string?> { ["Sesame:Grpc:Reflection"] = "true" });
        using var channel = GrpcChannel.ForAddress($"http://{server.Address}");

        var reply = await AskAsync(channel, new ServerReflectionRequest { FileContainingSymbol = "sesame.v1.MemberAuth" });

        var files = reply.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToArray();
        var auth = files.Single(file => file.Service.Any(service => service.Name == "MemberAuth"));
        var login = auth.Service.Single(service => service.Name == "MemberAuth").Method.Single(method => method.Name == "Login");
        Assert.Equal((".sesame.v1.LoginRequest", ".sesame.v1.LoginReply"), (login.InputType, login.OutputType));
        Assert.Contains(auth.MessageType, message => message.Name == "LoginRequest" && message.Field.Any(field => field.Name == "identifier"));
    }

    [Fact]
    public async Task ListServices_ReflectionOffOutsideDevelopment_Unimplemented()
    {
        await using var server = await SesameServer.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://{server.Address}");

        var exception = await Assert.ThrowsAsync<RpcException>(() => AskAsync(channel, new ServerReflectionRequest { ListServices = string.Empty }));

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    private static async Task<ServerReflectionResponse> AskAsync(GrpcChannel channel, ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}
