using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Mage.Functions.Tests.Endpoints.Catalog;

/// <summary>
/// Supplies <c>Mage__EncryptionKey</c> to every app this test process hosts. MageAppFactory
/// points the app at the test Azurite with an explicit connection string, which is not "local
/// development", so without a configured key the app (rightly) refuses to start; this plays
/// the part MageAppFactory plays for the admin key. A test that wants the key missing
/// overrides the setting with an empty value.
/// </summary>
internal static class TestEncryptionKey
{
    [ModuleInitializer]
#pragma warning disable CA2255 // A test assembly is the process's only user of this variable; it must be set before any app starts.
    internal static void Initialize()
#pragma warning restore CA2255
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Mage__EncryptionKey")))
        {
            Environment.SetEnvironmentVariable("Mage__EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
    }
}
