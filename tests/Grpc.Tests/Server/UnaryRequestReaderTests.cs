using System.Buffers;
using Sesame.Grpc.Server;

namespace Sesame.Grpc.Tests.Server;

public sealed class UnaryRequestReaderTests
{
    private const int Max = 100;

    [Fact]
    public void TryFrame_OneCompleteMessage_ReturnsItsBytes()
    {
        var frame = GrpcTestServer.Frame([1, 2, 3]);

        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(frame), isCompleted: true, Max, compressionAllowed: false);

        Assert.True(result!.Value.Succeeded);
        Assert.Equal(new byte[] { 1, 2, 3 }, result.Value.Message.ToArray());
    }

    [Fact]
    public void TryFrame_EmptyMessage_Succeeds()
    {
        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(GrpcTestServer.Frame([])), isCompleted: true, Max, compressionAllowed: false);

        Assert.True(result!.Value.Succeeded);
        Assert.Equal(0, result.Value.Message.Length);
    }

    [Fact]
    public void TryFrame_MessageSpreadOverSegments_ReturnsItsBytes()
    {
        var frame = GrpcTestServer.Frame([1, 2, 3, 4, 5, 6]);
        var sequence = Segments(frame[..2], frame[2..7], frame[7..]);

        var result = UnaryRequestReader.TryFrame(sequence, isCompleted: true, Max, compressionAllowed: false);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, result!.Value.Message.ToArray());
    }

    [Fact]
    public void TryFrame_StreamStillOpen_WaitsForMore()
    {
        var frame = GrpcTestServer.Frame([1, 2, 3]);

        Assert.Null(UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(frame[..3]), isCompleted: false, Max, compressionAllowed: false));
        Assert.Null(UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(frame[..6]), isCompleted: false, Max, compressionAllowed: false));
        Assert.Null(UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(frame), isCompleted: false, Max, compressionAllowed: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void TryFrame_StreamEndsEarly_Internal(int length)
    {
        var frame = GrpcTestServer.Frame([1, 2, 3]);

        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(frame[..length]), isCompleted: true, Max, compressionAllowed: false);

        Assert.Equal(StatusCode.Internal, result!.Value.Status);
    }

    [Fact]
    public void TryFrame_DeclaredLengthOverLimit_ResourceExhaustedBeforeTheBodyArrives()
    {
        var header = GrpcTestServer.Frame([], declaredLength: Max + 1);

        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(header), isCompleted: false, Max, compressionAllowed: false);

        Assert.Equal(StatusCode.ResourceExhausted, result!.Value.Status);
        Assert.Contains("101 bytes", result.Value.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFrame_TwoMessages_Internal()
    {
        var two = GrpcTestServer.Frame([1]).Concat(GrpcTestServer.Frame([2])).ToArray();

        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(two), isCompleted: true, Max, compressionAllowed: false);

        Assert.Equal(StatusCode.Internal, result!.Value.Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void TryFrame_CompressedOrInvalidFlagWithIdentityEncoding_Internal(byte flag)
    {
        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(GrpcTestServer.Frame([1], compressed: flag)), isCompleted: true, Max, compressionAllowed: false);

        Assert.Equal(StatusCode.Internal, result!.Value.Status);
    }

    [Fact]
    public void TryFrame_CompressedFlagWithCompressingEncoding_ReturnsMessageMarkedCompressed()
    {
        var result = UnaryRequestReader.TryFrame(new ReadOnlySequence<byte>(GrpcTestServer.Frame([1], compressed: 1)), isCompleted: true, Max, compressionAllowed: true);

        Assert.True(result!.Value.Succeeded);
        Assert.True(result.Value.Compressed);
    }

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts[1..])
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
