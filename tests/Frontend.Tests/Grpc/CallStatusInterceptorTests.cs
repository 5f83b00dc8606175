using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Sesame.Frontend.Grpc;

namespace Sesame.Frontend.Tests.Grpc;

public sealed class CallStatusInterceptorTests
{
    private const string Unavailable = "The storage is unavailable.";
    private const string Aborted = "The record changed.";

    [Fact]
    public async Task UnaryServerHandler_RegisteredExceptionWrapped_ItsStatusAndDetail()
    {
        var failure = await FailureOfAsync(new InvalidOperationException("Error from storage provider.", new TimeoutException("unreachable")));

        Assert.Equal((StatusCode.Unavailable, Unavailable), (failure.StatusCode, failure.Status.Detail));
    }

    [Fact]
    public async Task UnaryServerHandler_TwoRegisteredExceptionsInTheChain_TheOutermostDecides()
    {
        var failure = await FailureOfAsync(new ConflictException(new TimeoutException("unreachable")));

        Assert.Equal((StatusCode.Aborted, Aborted), (failure.StatusCode, failure.Status.Detail));
    }

    [Fact]
    public async Task UnaryServerHandler_NothingRegisteredInTheChain_InternalWithoutTheText()
    {
        var failure = await FailureOfAsync(new InvalidOperationException("secret detail", new FormatException("inner secret")));

        Assert.Equal(StatusCode.Internal, failure.StatusCode);
        Assert.DoesNotContain("secret", failure.Status.Detail, StringComparison.Ordinal);
    }

    private static Task<RpcException> FailureOfAsync(Exception thrown)
    {
        var interceptor = new CallStatusInterceptor(
            [new ExceptionStatus(typeof(TimeoutException), StatusCode.Unavailable, Unavailable), new ExceptionStatus(typeof(ConflictException), StatusCode.Aborted, Aborted)],
            TimeProvider.System,
            NullLogger<CallStatusInterceptor>.Instance);
        return Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>("request", new HttpCallContext(), (_, _) => throw thrown));
    }

    private sealed class ConflictException(Exception inner) : Exception("conflict", inner);

    /// <summary>A call context carrying its HttpContext where Grpc.AspNetCore looks for one that is not its own.</summary>
    private sealed class HttpCallContext : ServerCallContext
    {
        private readonly Dictionary<object, object> userState = new() { ["__HttpContext"] = new DefaultHttpContext() };

        protected override string MethodCore => "/sesame.v1.Test/Call";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override IDictionary<object, object> UserStateCore => userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
