using System.Security.Cryptography;
using Mage.Functions.Hosting;

namespace Mage.Functions.Security;

/// <summary>
/// Resolves the admin key once at start-up: the <c>Mage:AdminKey</c> setting, or in local
/// development a key generated into <c>.mage/admin.key</c> (mode 0600) and reused on later starts.
/// </summary>
/// <remarks>There is never a fixed default key: outside local development a missing key stops start-up.</remarks>
public static class AdminKeyProvider
{
    /// <summary>Where the generated key lives, relative to the app root.</summary>
    public const string LocalKeyFile = ".mage/admin.key";

    /// <summary>Returns the key and, when it came from the local file, that file's path.</summary>
    /// <exception cref="InvalidOperationException">No key is configured outside local development.</exception>
    public static (string Key, string? GeneratedPath) Resolve(string? configured, bool localDevelopment, string appRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.Length < 16)
            {
                throw new InvalidOperationException("Mage__AdminKey is shorter than 16 characters. Use a long random value, e.g. `openssl rand -base64 32`.");
            }

            return (configured.Trim(), null);
        }

        if (!localDevelopment)
        {
            throw new InvalidOperationException("Mage__AdminKey is not set. Outside local development (AzureWebJobsStorage other than UseDevelopmentStorage=true) the admin key must be configured: set Mage__AdminKey to a long random value, e.g. `openssl rand -base64 32`.");
        }

        var path = Path.Combine(appRoot, LocalKeyFile);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16)
            {
                return (existing, path);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = "mage_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key);
        }

        return (key, path);
    }
}
