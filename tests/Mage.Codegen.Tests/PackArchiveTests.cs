using System.Formats.Tar;
using System.IO.Compression;
using Mage.Codegen;
using Mage.Codegen.Packs;
using Mage.Testing;

namespace Mage.Codegen.Tests;

public sealed class PackArchiveTests
{
    [Fact]
    public async Task ExtractAsync_TarGzOfAPackFolder_LoadsThePack()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ service.name }}");
        using var output = new TempFolder();
        using var archive = new MemoryStream();
        await using (var gzip = new GZipStream(archive, CompressionLevel.Fastest, leaveOpen: true))
        {
            await TarFile.CreateFromDirectoryAsync(pack.Root, gzip, includeBaseDirectory: true);
        }

        archive.Position = 0;
        var root = await PackArchive.ExtractAsync(archive, output.Path, "object:pack.tar.gz", CancellationToken.None);

        Assert.Equal("test-pack", TemplatePackLoader.Load(root, "object:pack.tar.gz").Manifest.Name);
    }

    [Fact]
    public async Task ExtractAsync_Zip_LoadsThePack()
    {
        using var pack = new PackFolder().Write("templates/a.txt", "a");
        using var output = new TempFolder();
        using var archive = new MemoryStream();
        await ZipFile.CreateFromDirectoryAsync(pack.Root, archive, CompressionLevel.Fastest, includeBaseDirectory: false);

        archive.Position = 0;
        var root = await PackArchive.ExtractAsync(archive, output.Path, "object:pack.zip", CancellationToken.None);

        Assert.Equal(output.Path, root);
        Assert.Single(TemplatePackLoader.Load(root, "object:pack.zip").Templates);
    }

    [Fact]
    public async Task ExtractAsync_EntryEscapingTheFolder_IsRefused()
    {
        using var output = new TempFolder();
        using var archive = new MemoryStream();
        await using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await zip.CreateEntry("../escape.txt").OpenAsync();
            entry.WriteByte((byte)'x');
        }

        archive.Position = 0;
        var error = await Assert.ThrowsAsync<TemplatePackException>(() => PackArchive.ExtractAsync(archive, Path.Combine(output.Path, "pack"), "object:bad.zip", CancellationToken.None));

        Assert.Contains("outside the pack folder", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output.Path, "escape.txt")));
    }

    [Fact]
    public async Task ExtractAsync_NotAnArchive_SaysHowToPackIt()
    {
        using var output = new TempFolder();
        using var text = new MemoryStream("name: pack\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<TemplatePackException>(() => PackArchive.ExtractAsync(text, output.Path, "object:pack.yaml", CancellationToken.None));

        Assert.Contains("tar czf", error.Message, StringComparison.Ordinal);
    }
}
