using System.Security.Cryptography;
using System.Text;

namespace Mage.Catalog.Secrets;

/// <summary>
/// Encrypts secrets at rest (repository tokens, masked variables) with AES-256-GCM.
/// </summary>
/// <remarks>
/// Output is <c>v1:</c> followed by base64 of nonce (12 bytes), ciphertext and tag (16 bytes).
/// Every value gets a fresh random nonce. The associated data is the identity of the record
/// that holds the value (for example <c>service/api/variable/TOKEN</c>): it is authenticated but
/// not stored, so a ciphertext copied into another record fails to decrypt instead of leaking
/// there. Neither the plaintext nor the ciphertext ever appears in an exception message.
/// Thread-safe: each call uses its own <see cref="AesGcm"/> instance.
/// </remarks>
public sealed class SecretProtector
{
    /// <summary>Prefix of values written by this version of the format.</summary>
    public const string VersionPrefix = "v1:";

    /// <summary>Key size in bytes (AES-256).</summary>
    public const int KeySize = 32;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    /// <summary>Creates a protector with a 32-byte key (copied).</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public SecretProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The encryption key must be {KeySize} bytes; it is {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Encrypts <paramref name="plaintext"/> bound to <paramref name="associatedData"/>.</summary>
    public string Protect(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(associatedData);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(associatedData));
        }

        CryptographicOperations.ZeroMemory(plain);
        return VersionPrefix + Convert.ToBase64String(output);
    }

    /// <summary>Decrypts a value written by <see cref="Protect"/> with the same associated data.</summary>
    /// <exception cref="SecretUnprotectException">
    /// The value is malformed, was tampered with, belongs to another record, or was written with another key.
    /// </exception>
    public string Unprotect(string protectedValue, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentNullException.ThrowIfNull(associatedData);
        if (!protectedValue.StartsWith(VersionPrefix, StringComparison.Ordinal))
        {
            throw new SecretUnprotectException($"The protected value for '{associatedData}' does not start with '{VersionPrefix}'.");
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(protectedValue[VersionPrefix.Length..]);
        }
        catch (FormatException)
        {
            throw new SecretUnprotectException($"The protected value for '{associatedData}' is not valid base64.");
        }

        if (data.Length < NonceSize + TagSize)
        {
            throw new SecretUnprotectException($"The protected value for '{associatedData}' is too short.");
        }

        var cipherLength = data.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, cipherLength), data.AsSpan(NonceSize + cipherLength), plain, Encoding.UTF8.GetBytes(associatedData));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            // Tampering, a value moved from another record and a different key all look the same here.
            throw new SecretUnprotectException($"The protected value for '{associatedData}' failed authentication: it was altered, belongs to another record, or was encrypted with another key (Mage:EncryptionKey changed?).");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
