using Sesame.Grpc.Tests.Protos;

namespace Sesame.Grpc.Tests;

internal sealed class EchoService(TimeProvider time)
{
    public const string RpcFailure = "données refusées: 100% faux";

    public async Task<EchoReply> EchoAsync(EchoRequest request, ServerCallContext context)
    {
        switch (request.FailWith)
        {
            case "rpc":
                throw new RpcException(StatusCode.InvalidArgument, RpcFailure);
            case "crash":
                throw new InvalidOperationException("internal detail that must not leak");
            case "unavailable":
                throw new TimeoutException("dependency detail that must not leak");
            case "fields":
                throw RpcException.InvalidArgument([new FieldViolation("text", "is required"), new FieldViolation("wait", "must be false")]);
        }

        if (request.Wait)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, context.CancellationToken);
        }

        return new EchoReply { Text = request.Text };
    }
}

internal sealed class IncompleteEchoService
{
    public Task<EchoReply> EchoWithWrongNameAsync(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
}
