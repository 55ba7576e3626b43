using System.Security.Cryptography;

namespace Mage.Catalog.Secrets;

/// <summary>
/// Resolves the key of <see cref="SecretProtector"/> once at start-up: the <c>Mage:EncryptionKey</c>
/// setting (base64 of 32 bytes), or in local development a key generated into
/// <c>.mage/encryption.key</c> (mode 0600) and reused on later starts.
/// </summary>
/// <remarks>
/// Outside local development a missing key stops start-up: a generated key would live on one
/// instance's disk only, and secrets written with it would become unreadable elsewhere.
/// </remarks>
public static class EncryptionKeyProvider
{
    /// <summary>The setting, in the environment-variable spelling used in messages.</summary>
    public const string SettingName = "Mage__EncryptionKey";

    /// <summary>Where the generated key lives, relative to the app root.</summary>
    public const string LocalKeyFile = ".mage/encryption.key";

    /// <summary>Returns the key and, when it came from the local file, that file's path.</summary>
    /// <exception cref="InvalidOperationException">No usable key is configured outside local development, or the configured one is malformed.</exception>
    public static (byte[] Key, string? LocalPath) Resolve(string? configured, bool localDevelopment, string appRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (Parse(configured.Trim(), SettingName), null);
        }

        if (!localDevelopment)
        {
            throw new InvalidOperationException($"{SettingName} is not set. Outside local development (AzureWebJobsStorage other than UseDevelopmentStorage=true) the key that encrypts repository tokens and masked variables must be configured: set {SettingName} to base64 of 32 random bytes, e.g. `openssl rand -base64 32`, and keep it: secrets written with one key cannot be read with another.");
        }

        var path = Path.Combine(appRoot, LocalKeyFile);
        if (File.Exists(path))
        {
            return (Parse(File.ReadAllText(path).Trim(), path), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(SecretProtector.KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs so both encrypt with the same key.
            // It may still be writing, so wait briefly for the content to appear.
            var existing = File.ReadAllText(path).Trim();
            for (var attempt = 0; existing.Length == 0 && attempt < 20; attempt++)
            {
                Thread.Sleep(50);
                existing = File.ReadAllText(path).Trim();
            }

            return (Parse(existing, path), path);
        }

        return (key, path);
    }

    /// <summary>Resolves the key and builds the protector.</summary>
    public static SecretProtector CreateProtector(string? configured, bool localDevelopment, string appRoot, out string? localPath)
    {
        var (key, path) = Resolve(configured, localDevelopment, appRoot);
        localPath = path;
        try
        {
            return new SecretProtector(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Parse(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            // The value itself is never echoed: it is a secret even when malformed.
            throw new InvalidOperationException($"{source} is not valid base64. It must be base64 of 32 random bytes, e.g. `openssl rand -base64 32`.");
        }

        if (key.Length != SecretProtector.KeySize)
        {
            throw new InvalidOperationException($"{source} decodes to {key.Length} bytes; it must be base64 of exactly {SecretProtector.KeySize} bytes, e.g. `openssl rand -base64 32`.");
        }

        return key;
    }
}
