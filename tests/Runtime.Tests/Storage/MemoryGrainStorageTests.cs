using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageTests
{
    private static readonly GrainId Id = new("test", "tenant/one");

    [Fact]
    public async Task WriteAsync_NoEtagAndNoRecord_InsertsAndReturnsVersion()
    {
        var storage = new MemoryGrainStorage();

        var etag = await storage.WriteAsync("state", Id, new byte[] { 1 }, etag: null, CancellationToken.None);

        var stored = await storage.ReadAsync("state", Id, CancellationToken.None);
        Assert.Equal(etag, stored!.Etag);
        Assert.Equal(new byte[] { 1 }, stored.Data.ToArray());
    }

    [Fact]
    public async Task WriteAsync_NoEtagButRecordExists_ThrowsInconsistentState()
    {
        var storage = new MemoryGrainStorage();
        await storage.WriteAsync("state", Id, new byte[] { 1 }, etag: null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync("state", Id, new byte[] { 2 }, etag: null, CancellationToken.None));

        Assert.Equal(new byte[] { 1 }, (await storage.ReadAsync("state", Id, CancellationToken.None))!.Data.ToArray());
    }

    [Fact]
    public async Task WriteAsync_StaleEtag_ThrowsAndKeepsStoredRecord()
    {
        var storage = new MemoryGrainStorage();
        var first = await storage.WriteAsync("state", Id, new byte[] { 1 }, etag: null, CancellationToken.None);
        await storage.WriteAsync("state", Id, new byte[] { 2 }, first, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync("state", Id, new byte[] { 3 }, first, CancellationToken.None));

        Assert.Equal(new byte[] { 2 }, (await storage.ReadAsync("state", Id, CancellationToken.None))!.Data.ToArray());
    }

    [Fact]
    public async Task ClearAsync_CurrentEtag_RemovesRecord()
    {
        var storage = new MemoryGrainStorage();
        var etag = await storage.WriteAsync("state", Id, new byte[] { 1 }, etag: null, CancellationToken.None);

        await storage.ClearAsync("state", Id, etag, CancellationToken.None);

        Assert.Null(await storage.ReadAsync("state", Id, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_StaleEtag_Throws()
    {
        var storage = new MemoryGrainStorage();
        var first = await storage.WriteAsync("state", Id, new byte[] { 1 }, etag: null, CancellationToken.None);
        await storage.WriteAsync("state", Id, new byte[] { 2 }, first, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync("state", Id, first, CancellationToken.None));
    }
}
