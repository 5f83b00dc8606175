using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sesame.Grpc.Hosting;
using Sesame.Grpc.Server;
using Sesame.Grpc.Tests.Protos;
using Sesame.Testing;

namespace Sesame.Grpc.Tests;

/// <summary>The gRPC layer alone, serving <see cref="EchoService"/> on a free loopback port, with a raw HTTP/2 client.</summary>
public sealed class GrpcTestServer : IAsyncLifetime
{
    public const string EchoPath = "/sesame.test.Echo/Echo";
    public const int MaxMessageSize = 4096;
    public const string UnavailableDetail = "The echo's store is unavailable; try again later.";

    private WebApplication? app;

    public ManualTimeProvider Clock { get; } = new();

    public HttpClient Client { get; } = new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public static ServiceDescriptor EchoDescriptor => EchoReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Echo");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddGrpcServer(server => server.AddService<EchoService>(EchoDescriptor));
        builder.Services.AddGrpcExceptionStatus<TimeoutException>(StatusCode.Unavailable, UnavailableDetail);
        builder.Services.Configure<GrpcServerOptions>(options => options.MaxReceiveMessageSize = MaxMessageSize);
        app = builder.Build();
        app.MapGrpcServices();
        await app.StartAsync();
        Client.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Frame(byte[] payload, byte compressed = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static HttpRequestMessage Request(string path, HttpContent content, string contentType = "application/grpc")
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc") =>
        Request(path, new ByteArrayContent(body), contentType);
}
