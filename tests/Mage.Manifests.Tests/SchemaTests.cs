using System.Text.Json;

namespace Mage.Manifests.Tests;

/// <summary>A light check of schemas/manifest.schema.json against the parser and the real manifests.</summary>
public class SchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.Root, "manifest.schema.json"))).RootElement;

    private static IEnumerable<string> Keys(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Schema_DocumentsExactlyTheKeysTheParserKnows()
    {
        Assert.Equal(ManifestKeys.TopLevel.Order(), Keys(Schema.GetProperty("properties")).Order());
        Assert.Equal(ManifestKeys.Job.Order(), Keys(Schema.GetProperty("definitions").GetProperty("job").GetProperty("properties")).Order());
        Assert.Equal(DriverTypes.All, Schema.GetProperty("properties").GetProperty("driver").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Schema_DescribesEveryField()
    {
        foreach (var property in Schema.GetProperty("properties").EnumerateObject()
            .Concat(Schema.GetProperty("definitions").GetProperty("job").GetProperty("properties").EnumerateObject()))
        {
            Assert.True(property.Value.TryGetProperty("description", out _), property.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DjinnManifest_UsesOnlyDocumentedKeys(string name)
    {
        var documented = Keys(Schema.GetProperty("properties")).ToHashSet();
        var jobKeys = Keys(Schema.GetProperty("definitions").GetProperty("job").GetProperty("properties")).ToHashSet();
        var document = (ManifestMapping)ManifestParser.Parse(TestFiles.ReadDjinn(name)).Document!;

        foreach (var (key, value) in document.Entries)
        {
            var text = ((ManifestScalar)key).Value;
            Assert.Contains(text, documented);
            if (text == "jobs")
            {
                foreach (var job in ((ManifestSequence)value).Items.Cast<ManifestMapping>())
                {
                    Assert.All(job.Entries, e => Assert.Contains(((ManifestScalar)e.Key).Value, jobKeys));
                }
            }
        }
    }

    public static TheoryData<string> Names() => TestFiles.DjinnManifestNames();
}
