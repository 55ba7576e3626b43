using Mage.Azurite;
using Mage.Storage;
using Mage.Testing;

namespace Mage.Storage.Tests;

/// <summary>Building the SDK clients from connection strings, and the health probe, on real Azurite.</summary>
public sealed class StorageClientsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("AccountName=acct")]
    [InlineData("garbage;AccountKey=c2VjcmV0LWtleS12YWx1ZQ==")]
    public void FromConnectionString_Malformed_FormatExceptionThatNeverQuotesTheInput(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => StorageClients.FromConnectionString(connectionString));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConnectionString_DevelopmentStorage_PointsAtTheEmulatorAccount()
    {
        var clients = StorageClients.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Equal(AzuriteLauncher.DevelopmentAccountName, clients.Blobs.AccountName);
        Assert.Equal(10002, clients.Tables.Uri.Port);
    }

    [Fact]
    public async Task CheckAvailabilityAsync_RunningAzurite_Succeeds()
    {
        var azurite = await TestAzurite.GetAsync();

        await azurite.Clients().CheckAvailabilityAsync();
    }

    [Fact]
    public async Task CheckAvailabilityAsync_NothingListening_FailsInsteadOfHanging()
    {
        var port = System.Net.Sockets.TcpListener.Create(0) is var l ? Start(l) : 0;
        var dead = $"DefaultEndpointsProtocol=http;AccountName={AzuriteLauncher.DevelopmentAccountName};AccountKey={AzuriteLauncher.DevelopmentAccountKey};" +
                   $"BlobEndpoint=http://127.0.0.1:{port}/x;QueueEndpoint=http://127.0.0.1:{port}/x;TableEndpoint=http://127.0.0.1:{port}/x;";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var error = await Record.ExceptionAsync(() => StorageClients.FromConnectionString(dead).CheckAvailabilityAsync(timeout.Token));

        Assert.NotNull(error);
    }

    // Binds a free port and releases it, so nothing listens there.
    private static int Start(System.Net.Sockets.TcpListener listener)
    {
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
