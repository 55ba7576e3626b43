namespace Mage.Testing;

/// <summary>
/// The settings an app instance needs in a test or benchmark: the given storage, a fresh random
/// admin key and encryption key, and its own task hub and work root, so that instances never
/// see each other's data.
/// </summary>
public static class TestAppSettings
{
    /// <summary>A new, mutable set of settings (keys in <c>Section:Key</c> form); <paramref name="name"/> prefixes the task hub and work root.</summary>
    public static Dictionary<string, string?> Create(string storageConnectionString, string name) => new()
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["Mage:AdminKey"] = "admin-" + Guid.NewGuid().ToString("N"),
        ["Mage:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Mage:TaskHub"] = TestNames.Unique(name),
        ["Mage:WorkRoot"] = Directory.CreateTempSubdirectory($"mage-{name}-work-").FullName,
    };
}
