namespace Mage.Testing;

/// <summary>Locates the repository (the folder holding Mage.Functions.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mage.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Mage.Functions.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root path.</summary>
    public static string Find() => Root.Value;

    /// <summary>infra/local, where Azurite is pinned.</summary>
    public static string InfraLocal => Path.Combine(Find(), "infra", "local");
}
