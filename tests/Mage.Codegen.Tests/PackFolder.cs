
using Mage.Testing;
namespace Mage.Codegen.Tests;

/// <summary>A pack written file by file into a temporary folder.</summary>
internal sealed class PackFolder : IDisposable
{
    public const string ValidManifest = "name: test-pack\ndescription: A pack for tests.\nversion: 0.1.0\nsupports: [crud]\n";

    private readonly TempFolder _folder = new();

    public PackFolder(string? manifest = ValidManifest)
    {
        if (manifest is not null)
        {
            Write("pack.yaml", manifest);
        }
    }

    public string Root => _folder.Path;

    public PackFolder Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public void Dispose() => _folder.Dispose();
}
