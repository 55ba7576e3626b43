namespace Mage.Manifests.Tests;

/// <summary>Paths of the test data copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

    public const string LegacySourcesManifest = "andrewpillar_jrnl__.thrall.yml";

    public static IEnumerable<string> DjinnManifests() =>
        Directory.GetFiles(Path.Combine(Root, "djinn"), "*.yml").Order(StringComparer.Ordinal);

    public static TheoryData<string> DjinnManifestNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in DjinnManifests())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static string ReadDjinn(string name) => File.ReadAllText(Path.Combine(Root, "djinn", name));
}
