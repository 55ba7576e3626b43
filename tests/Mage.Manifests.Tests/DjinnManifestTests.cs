namespace Mage.Manifests.Tests;

public class DjinnManifestTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_RealDjinnManifest_HasNoErrors(string name)
    {
        var result = ManifestValidator.Validate(TestFiles.ReadDjinn(name));

        if (name == TestFiles.LegacySourcesManifest)
        {
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(new ManifestDiagnostic("sources[0]", 5, 5, DiagnosticSeverity.Error,
                "a source must be a string \"url [ref] [=> dir]\"; the older \"- url: …\" form is not supported. Write: - https://github.com/andrewpillar/jrnl"), error);
            Assert.False(result.IsValid);
            return;
        }

        Assert.Empty(result.Diagnostics);
        Assert.True(result.IsValid);
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public void DjinnManifests_AllCopied()
    {
        Assert.Equal(15, TestFiles.DjinnManifests().Count());
    }

    [Fact]
    public void Validate_MgrtManifest_ReadsEveryField()
    {
        var manifest = ManifestValidator.Validate(TestFiles.ReadDjinn("andrewpillar_mgrt__.djinn.yml")).Manifest!;

        Assert.Equal("qemu", manifest.Driver!.Type);
        Assert.Equal("debian/stable", manifest.Driver.Options["image"]);
        Assert.Equal([new EnvVariable("LDFLAGS", "-s -w")], manifest.Env);
        Assert.Equal([new ManifestSource("https://github.com/andrewpillar/mgrt", null, "mgrt")], manifest.Sources);
        Assert.Equal(["deps", "test", "make", "make-sqlite3"], manifest.Stages);
        Assert.Equal(["deps.1", "test.1", "make.1", "make-sqlite3.1"], manifest.Jobs.Select(j => j.Name));
        Assert.Equal([new Passthrough("mgrt/bin/mgrt", "mgrt-sqlite3")], manifest.Jobs[3].Artifacts);
        Assert.Equal([new Passthrough("mgrt/bin/mgrt", "mgrt")], manifest.Jobs[2].Artifacts);
    }

    public static TheoryData<string> Names() => TestFiles.DjinnManifestNames();
}
