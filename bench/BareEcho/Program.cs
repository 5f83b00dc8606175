// The transport's limit on this machine: Kestrel over HTTP/2 without TLS (h2c), echoing each POST body back as a gRPC
// reply with grpc-status 0. No routing, framing checks or protobuf: the baseline bench/grpc.sh compares Sésame with.
using System.Buffers;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateSlimBuilder(args);
var port = builder.Configuration.GetValue("port", 7080); // --port N on the command line
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));

var app = builder.Build();
app.Run(async context =>
{
    if (!HttpMethods.IsPost(context.Request.Method))
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return;
    }

    var reader = context.Request.BodyReader;
    var read = await reader.ReadAsync(context.RequestAborted);
    while (!read.IsCompleted)
    {
        reader.AdvanceTo(read.Buffer.Start, read.Buffer.End); // examined all, consumed nothing: wait for the whole body
        read = await reader.ReadAsync(context.RequestAborted);
    }

    context.Response.StatusCode = StatusCodes.Status200OK;
    context.Response.ContentType = "application/grpc";
    // Written without a flush, as Sésame does: Kestrel sends headers, message and trailers together on return.
    var length = (int)read.Buffer.Length;
    read.Buffer.CopyTo(context.Response.BodyWriter.GetSpan(length));
    context.Response.BodyWriter.Advance(length);
    reader.AdvanceTo(read.Buffer.End);
    context.Response.AppendTrailer("grpc-status", "0");
});

await app.RunAsync();
