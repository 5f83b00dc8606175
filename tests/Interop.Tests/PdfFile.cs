using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>The PDF of a RenderPendingLetters reply (base64 in the Node client's JSON), in a temporary file deleted on dispose.</summary>
public sealed class PdfFile : IAsyncDisposable
{
    private PdfFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<PdfFile> WriteAsync(GrpcCallResult result)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sesame-letters-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.Field("pdf")!));
        return new PdfFile(path);
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(path: Path);
        return ValueTask.CompletedTask;
    }
}
