using Mage.Builds.Submission;
using Mage.Catalog;

namespace Mage.Builds.Tests.Submission;

/// <summary>Builds without code generation: the request's manifest, else the service's default, else a 422 that says how to fix it.</summary>
public sealed class ManifestOnlyBuildPreparationTests
{
    private static readonly ManifestOnlyBuildPreparation Preparation = new();

    [Fact]
    public async Task PrepareAsync_RequestHasManifest_AcceptsWithoutDefaultOrVersion()
    {
        var prepared = await Preparation.PrepareAsync(Service("api", defaultManifest: "driver: {type: local}"), Request(manifest: "driver: {type: local}\n"), CancellationToken.None);

        Assert.Equal(new BuildPreparation(null, null, null), prepared);
    }

    [Fact]
    public async Task PrepareAsync_NoManifestButServiceDefault_RunsTheServiceDefault()
    {
        var prepared = await Preparation.PrepareAsync(Service("api", defaultManifest: "driver: {type: local}\n"), Request(manifest: null), CancellationToken.None);

        Assert.Null(prepared.Missing);
        Assert.Null(prepared.ConfigurationVersion);
        Assert.Equal("driver: {type: local}\n", prepared.DefaultManifest);
    }

    [Fact]
    public async Task PrepareAsync_NoManifestAnywhere_RefusesNamingBothFixes()
    {
        var prepared = await Preparation.PrepareAsync(Service("api", defaultManifest: "  "), Request(manifest: ""), CancellationToken.None);

        Assert.NotNull(prepared.Missing);
        Assert.Contains("service api has no default manifest", prepared.Missing, StringComparison.Ordinal);
        Assert.Contains("\"manifest\"", prepared.Missing, StringComparison.Ordinal);
        Assert.Contains("PUT /api/services/api", prepared.Missing, StringComparison.Ordinal);
        Assert.Null(prepared.DefaultManifest);
    }

    private static ServiceRecord Service(string name, string? defaultManifest) =>
        new(name, null, null, defaultManifest, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static BuildRequest Request(string? manifest) => new("v1", manifest, null, null);
}
