using Grpc.Core;
using Sesame.Frontend.Grpc;

namespace Sesame.Frontend.Tests.Grpc;

public sealed class ExceptionStatusTests
{
    private static readonly ExceptionStatus Storage = new(typeof(IOException), StatusCode.Unavailable, "storage");
    private static readonly ExceptionStatus Conflict = new(typeof(InvalidDataException), StatusCode.Aborted, "conflict");
    private static readonly ExceptionStatus[] Statuses = [Storage, Conflict];

    [Fact]
    public void Of_RegisteredTypeThrown_ItsStatus()
    {
        var status = ExceptionStatus.Of(new FileNotFoundException(), Statuses);

        Assert.Same(Storage, status);
    }

    [Fact]
    public void Of_RegisteredTypeWrappedInAnAggregateInAnotherException_ItsStatus()
    {
        // As Orleans surfaces a storage failure: OrleansException > the SDK's AggregateException of retries > the cause.
        var exception = new InvalidOperationException("Error from storage provider", new AggregateException("Retry failed after 3 tries.", new IOException("Connection refused"), new IOException("Connection refused")));

        var status = ExceptionStatus.Of(exception, Statuses);

        Assert.Same(Storage, status);
    }

    [Fact]
    public void Of_TwoRegisteredTypesInTheChain_TheOutermostOnesStatus()
    {
        var exception = new InvalidDataException("conflict", new IOException("refused"));

        var status = ExceptionStatus.Of(exception, Statuses);

        Assert.Same(Conflict, status);
    }

    [Fact]
    public void Of_NoRegisteredTypeInTheChain_Null()
    {
        var exception = new InvalidOperationException("bug", new ArgumentException("bad"));

        var status = ExceptionStatus.Of(exception, Statuses);

        Assert.Null(status);
    }
}
