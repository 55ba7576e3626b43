using System.Security.Cryptography;
using Mage.Catalog.Secrets;

namespace Mage.Catalog.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private readonly SecretProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("")]
    [InlineData("glpat-0123456789abcdef")]
    [InlineData("ünïcödé ✓ secret with spaces\nand lines")]
    public void Unprotect_ProtectedValue_RoundTrips(string secret)
    {
        var stored = _protector.Protect(secret, "service/api/variable/TOKEN");

        Assert.Equal(secret, _protector.Unprotect(stored, "service/api/variable/TOKEN"));
    }

    [Fact]
    public void Protect_SameValueTwice_VersionedDifferentCiphertextsWithoutPlaintext()
    {
        var first = _protector.Protect("glpat-secret-value", "a");
        var second = _protector.Protect("glpat-secret-value", "a");

        Assert.StartsWith(SecretProtector.VersionPrefix, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("glpat", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_FlippedByte_ThrowsWithoutValue()
    {
        var stored = _protector.Protect("glpat-secret-value", "a");
        var bytes = Convert.FromBase64String(stored[SecretProtector.VersionPrefix.Length..]);
        for (var i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x01;
            var tampered = SecretProtector.VersionPrefix + Convert.ToBase64String(copy);

            var ex = Assert.Throws<SecretUnprotectException>(() => _protector.Unprotect(tampered, "a"));
            Assert.DoesNotContain("glpat", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unprotect_WrongAssociatedData_Throws()
    {
        var stored = _protector.Protect("glpat-secret-value", "service/a/variable/TOKEN");

        Assert.Throws<SecretUnprotectException>(() => _protector.Unprotect(stored, "service/b/variable/TOKEN"));
    }

    [Fact]
    public void Unprotect_OtherKey_Throws()
    {
        var stored = _protector.Protect("glpat-secret-value", "a");
        var other = new SecretProtector(RandomNumberGenerator.GetBytes(32));

        Assert.Throws<SecretUnprotectException>(() => other.Unprotect(stored, "a"));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("v1:not base64!")]
    [InlineData("v1:AAAA")]
    [InlineData("v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Unprotect_Malformed_Throws(string value) =>
        Assert.Throws<SecretUnprotectException>(() => _protector.Unprotect(value, "a"));

    [Fact]
    public void Constructor_KeyNot32Bytes_Throws() =>
        Assert.Throws<ArgumentException>(() => new SecretProtector(new byte[16]));
}
