namespace Mage.Testing;

/// <summary>
/// The old in-house storage client's view of the emulator, for the tests of <c>Mage.Durable</c> only
/// (everything else reaches storage through the Azure SDK). Deleted with <c>Mage.Durable</c> and <c>Mage.Storage</c>.
/// </summary>
public sealed partial class TestAzurite
{
    private Mage.Storage.StorageAccount? _account;

    /// <summary>A shared <c>Mage.Storage</c> account with default options.</summary>
    public Mage.Storage.StorageAccount Account => _account ??= Mage.Storage.StorageAccount.Parse(ConnectionString);

    /// <summary>A <c>Mage.Storage</c> account with custom pipeline options on the same emulator.</summary>
    public Mage.Storage.StorageAccount CreateAccount(Mage.Storage.StorageClientOptions options) => Mage.Storage.StorageAccount.Parse(ConnectionString, options);
}
