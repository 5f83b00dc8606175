using System.Text.Json;

namespace Sesame.LoadTest.Members;

/// <summary>The member list <c>seed</c> writes and <c>run</c> reads (JSON), with the key prefix of the seeding.</summary>
internal sealed class MemberFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Tag { get; init; }

    public required IReadOnlyList<TestMember> Members { get; init; }

    public static async Task<MemberFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<MemberFile>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no member list.");
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
