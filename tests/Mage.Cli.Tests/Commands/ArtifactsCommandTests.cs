using System.Security.Cryptography;
using Mage.Builds.Records;
using Mage.Cli.Tests.Infrastructure;
using Mage.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage artifacts</c> on a real build's artifacts.</summary>
public sealed class ArtifactsCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mage-cli-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Artifacts_List_ShowsNamesSizesAndChecksums()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.WithArtifacts);

        var result = await mage.RunAsync("artifacts", id);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^JOB\s+NAME\s+SIZE\s+SHA256$", result.Lines[0]);
        var hello = Convert.ToHexStringLower(SHA256.HashData("hello artifact\n"u8));
        Assert.Contains(result.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^build\.1\s+hello\.txt\s+15 B\s+{hello}$"));
        Assert.Contains(result.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^build\.1\s+sub/data\.bin\s+68\.4 KiB\s+[0-9a-f]{64}$"));
    }

    [Fact]
    public async Task Artifacts_Download_WritesEveryFileVerified()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.WithArtifacts);
        var listing = (await mage.RunAsync("artifacts", id, "--json")).Json();

        var result = await mage.RunAsync("artifacts", id, "--download", _directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello artifact\n", await File.ReadAllTextAsync(Path.Combine(_directory, "build.1", "hello.txt")));
        foreach (var artifact in listing.EnumerateArray())
        {
            var path = Path.Combine(_directory, artifact.GetProperty("job").GetString()!, artifact.GetProperty("name").GetString()!);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(artifact.GetProperty("size").GetInt64(), bytes.LongLength);
            Assert.Equal(artifact.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Contains(result.Lines, l => l.StartsWith(path + "  ", StringComparison.Ordinal) && l.EndsWith($"sha256 {artifact.GetProperty("sha256").GetString()} ok", StringComparison.Ordinal));
        }

        Assert.Equal(70000, new FileInfo(Path.Combine(_directory, "build.1", "sub", "data.bin")).Length);
        Assert.Empty(Directory.GetFiles(_directory, "*.mage-partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Artifacts_DownloadJson_ReportsPathsAndVerification()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.WithArtifacts);

        var json = (await mage.RunAsync("artifacts", id, "--download", _directory, "--json")).Json();

        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal(_directory, json.GetProperty("directory").GetString());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["hello.txt", "sub/data.bin"], items.Select(i => i.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.True(i.GetProperty("verified").GetBoolean()));
        Assert.All(items, i => Assert.True(File.Exists(i.GetProperty("path").GetString())));
    }

    [Fact]
    public async Task Artifacts_ContentChangedInStorage_ChecksumFailsAndNothingIsKept()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.WithArtifacts);
        await CorruptAsync(service, "hello.txt", "HELLO ARTIFACT\n"u8.ToArray());

        var result = await mage.RunAsync("artifacts", id, "--download", _directory);

        Assert.True(result.ExitCode == 1, result.ToString());
        var expected = Convert.ToHexStringLower(SHA256.HashData("hello artifact\n"u8));
        var received = Convert.ToHexStringLower(SHA256.HashData("HELLO ARTIFACT\n"u8));
        Assert.Contains(
            $"mage: build.1/hello.txt: received 15 bytes with sha256 {received}, the listing says 15 bytes with sha256 {expected}; the file was not kept",
            result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "build.1", "hello.txt")));
        Assert.Empty(Directory.GetFiles(_directory, "*.mage-partial", SearchOption.AllDirectories));
        // The intact artifact is still downloaded.
        Assert.True(File.Exists(Path.Combine(_directory, "build.1", "sub", "data.bin")));
    }

    [Fact]
    public async Task Artifacts_BuildWithoutArtifacts_SaysSo()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.Passing);

        var result = await mage.RunAsync("artifacts", id);
        var json = await mage.RunAsync("artifacts", id, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"build {id} has no artifacts", result.Error.TrimEnd());
        Assert.Equal(0, json.Json().GetArrayLength());
    }

    [Fact]
    public async Task Artifacts_ListingNameClimbingOutOfTheFolder_IsSkippedAndNothingIsWrittenOutside()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_directory)!, $"mage-escape-{Guid.NewGuid():N}");
        var listing = $$"""[{"job":"build.1","source":"x","name":"../../{{Path.GetFileName(outside)}}","size":2,"sha256":"00","uri":"/api/builds/demo-1-abcdef/artifacts/build.1/x"}]""";
        using var server = new LoopbackServer()
            .Answer("/api/builds/demo-1-abcdef/artifacts", 200, "application/json", listing)
            .Answer("/api/builds/demo-1-abcdef/artifacts/build.1/x", 200, "application/octet-stream", "hi");

        var result = await CliRunner.RunOnTheNetworkAsync(new Dictionary<string, string>(), "artifacts", "demo-1-abcdef", "--download", _directory, "--url", server.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the name leads outside {_directory}; skipped", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outside));
        Assert.DoesNotContain(server.Requests, r => r.Url.EndsWith("/x", StringComparison.Ordinal));
    }

    /// <summary>Replaces an artifact's bytes in Blob storage behind the index's back (same length, other content).</summary>
    private async Task CorruptAsync(string service, string name, byte[] content)
    {
        var services = mage.App.Services;
        var artifact = (await services.GetRequiredService<ArtifactStore>().ListAsync(service, 1, CancellationToken.None)).Single(a => a.Name == name);
        var container = services.GetRequiredService<StorageClients>().GetBlobContainer(services.GetRequiredService<BuildStorageNames>().ArtifactsContainer);
        await container.GetBlobClient(artifact.BlobName).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }
}
