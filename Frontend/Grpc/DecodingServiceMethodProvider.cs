using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// Binds the methods of a generated service as Grpc.AspNetCore's own binder does, with one difference: a request body
/// that is not the protobuf encoding of the method's request type (truncated, wrong wire types, a string field that
/// is not UTF-8) ends the call with INVALID_ARGUMENT, where the stock binder answers UNKNOWN ("Exception was thrown by
/// handler"). It replaces the stock binder for every service of the endpoint.
/// </summary>
internal sealed class DecodingServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    private const string Malformed = "The request message is not a valid protobuf encoding of the method's request type.";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true) is not { } binding)
        {
            return;
        }

        var bind = binding.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(method => method.Name == binding.BindMethodName && method.GetParameters() is [{ ParameterType: var first }, _] && first == typeof(ServiceBinderBase));
        bind.Invoke(null, [new Binder(context), null]);
    }

    private static Method<TRequest, TResponse> Decoding<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var decoding = new Marshaller<TRequest>(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException)
            {
                throw RpcErrors.Status(StatusCode.InvalidArgument, Malformed);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, decoding, method.ResponseMarshaller);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Decoding(method), MetadataOf(method.Name, out var implementation), implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Decoding(method), MetadataOf(method.Name, out var implementation), implementation.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Decoding(method), MetadataOf(method.Name, out var implementation), implementation.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Decoding(method), MetadataOf(method.Name, out var implementation), implementation.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());

        /// <summary>The service's method named <paramref name="name"/> and the attributes of the service and the method, as endpoint metadata.</summary>
        private static List<object> MetadataOf(string name, out MethodInfo implementation)
        {
            implementation = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(method => method.Name == name && method.IsVirtual);
            return [.. typeof(TService).GetCustomAttributes(inherit: true), .. implementation.GetCustomAttributes(inherit: true)];
        }
    }
}
