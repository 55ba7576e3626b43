using Mage.Functions.Security;

namespace Mage.Functions.Tests.Security;

public sealed class AdminKeyProviderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mage-key-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Resolve_ConfiguredKey_IsUsedAndNothingIsWritten()
    {
        var (key, path) = AdminKeyProvider.Resolve("a-configured-key-0123456789", localDevelopment: true, _root);

        Assert.Equal("a-configured-key-0123456789", key);
        Assert.Null(path);
        Assert.False(File.Exists(Path.Combine(_root, AdminKeyProvider.LocalKeyFile)));
    }

    [Fact]
    public void Resolve_UnsetLocally_GeneratesOwnerOnlyFileAndReusesIt()
    {
        var (first, path) = AdminKeyProvider.Resolve(null, localDevelopment: true, _root);
        var (second, _) = AdminKeyProvider.Resolve(null, localDevelopment: true, _root);

        Assert.Equal(first, second);
        Assert.True(first.Length >= 32);
        Assert.NotNull(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
    }

    [Fact]
    public void Resolve_UnsetLocally_TwoRootsGetDifferentKeys()
    {
        // Never a fixed default key: each installation generates its own.
        var other = Directory.CreateTempSubdirectory("mage-key-").FullName;
        try
        {
            Assert.NotEqual(AdminKeyProvider.Resolve(null, true, _root).Key, AdminKeyProvider.Resolve(null, true, other).Key);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Resolve_UnsetOutsideDevelopment_ThrowsWithHowToFix()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AdminKeyProvider.Resolve("", localDevelopment: false, _root));

        Assert.Contains("Mage__AdminKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ShortConfiguredKey_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => AdminKeyProvider.Resolve("short", localDevelopment: true, _root));
    }
}
