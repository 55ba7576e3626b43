using System.Security.Cryptography;
using Mage.Catalog.Secrets;

namespace Mage.Catalog.Tests.Secrets;

public sealed class EncryptionKeyProviderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_MissingOutsideDevelopment_ThrowsNamingSetting(string? configured)
    {
        var root = Directory.CreateTempSubdirectory("mage-key-").FullName;

        var ex = Assert.Throws<InvalidOperationException>(() => EncryptionKeyProvider.Resolve(configured, localDevelopment: false, root));

        Assert.Contains("Mage__EncryptionKey", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, EncryptionKeyProvider.LocalKeyFile)));
    }

    [Fact]
    public void Resolve_Configured_UsesItAndWritesNoFile()
    {
        var root = Directory.CreateTempSubdirectory("mage-key-").FullName;
        var key = RandomNumberGenerator.GetBytes(32);

        var (resolved, path) = EncryptionKeyProvider.Resolve(Convert.ToBase64String(key), localDevelopment: true, root);

        Assert.Equal(key, resolved);
        Assert.Null(path);
        Assert.False(File.Exists(Path.Combine(root, EncryptionKeyProvider.LocalKeyFile)));
    }

    [Theory]
    [InlineData("not-base64-secret!!")]
    [InlineData("c2hvcnRrZXlzZWNyZXQ=")]
    public void Resolve_ConfiguredMalformed_ThrowsWithoutEchoingValue(string configured)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => EncryptionKeyProvider.Resolve(configured, localDevelopment: false, "/nonexistent"));

        Assert.Contains("Mage__EncryptionKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(configured, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LocalDevelopment_GeneratesPrivateFileAndReusesIt()
    {
        var root = Directory.CreateTempSubdirectory("mage-key-").FullName;

        var (first, path) = EncryptionKeyProvider.Resolve(null, localDevelopment: true, root);
        var (second, _) = EncryptionKeyProvider.Resolve(null, localDevelopment: true, root);

        Assert.Equal(Path.Combine(root, EncryptionKeyProvider.LocalKeyFile), path);
        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
        }
    }
}
