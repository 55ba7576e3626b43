namespace Mage.Cli.Tests.Infrastructure;

/// <summary>A manifest written to a temporary file, deleted on dispose.</summary>
internal sealed class TempManifest : IDisposable
{
    public TempManifest(string yaml)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mage-{Guid.NewGuid():N}.yml");
        File.WriteAllText(Path, yaml);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
