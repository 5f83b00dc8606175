using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Sesame.Grpc.Server;

/// <summary>A bound unary method: parses the request, calls the service, returns the reply.</summary>
internal sealed class UnaryMethod(MethodDescriptor descriptor, Func<IServiceProvider, IMessage, ServerCallContext, Task<IMessage>> handler)
{
    public string FullName { get; } = $"/{descriptor.Service.FullName}/{descriptor.Name}";

    public MessageParser Parser { get; } = descriptor.InputType.Parser;

    public IMessage Parse(ReadOnlySequence<byte> payload) => Parser.ParseFrom(payload);

    public Task<IMessage> InvokeAsync(IServiceProvider services, IMessage request, ServerCallContext context) => handler(services, request, context);
}
