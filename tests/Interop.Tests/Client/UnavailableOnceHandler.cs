using System.Net;
using System.Net.Http.Headers;

namespace Sesame.Interop.Tests.Client;

/// <summary>
/// Under a client: answers the first request for <paramref name="path"/> as a server that is down for a moment would,
/// with a Trailers-Only gRPC response of status UNAVAILABLE, and passes every other request on to the real server.
/// </summary>
internal sealed class UnavailableOnceHandler(string path) : DelegatingHandler(new SocketsHttpHandler())
{
    private int attempts;

    /// <summary>The requests for <c>path</c> seen so far, the failed one included.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath != path || Interlocked.Increment(ref attempts) > 1)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            RequestMessage = request,
            Content = new ByteArrayContent([]),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.Headers.Add("grpc-status", "14");
        response.Headers.Add("grpc-message", "Injected fault");
        return Task.FromResult(response);
    }
}
