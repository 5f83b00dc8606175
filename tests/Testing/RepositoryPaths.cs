namespace Sesame.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Interop => Path.Combine(Root, "interop");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
