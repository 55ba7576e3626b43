using Mage.Codegen;

namespace Mage.Codegen.Tests;

/// <summary>
/// A temporary folder outside the repository (so the generated project does not inherit this
/// repository's Directory.Build.props or central package versions), deleted on dispose.
/// </summary>
internal sealed class GeneratedTree : IDisposable
{
    public GeneratedTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "mage-codegen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public void Write(IEnumerable<GeneratedFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(Root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a build server may still hold a file for a moment.
        }
    }
}
