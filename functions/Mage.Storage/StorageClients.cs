using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Mage.Storage;

/// <summary>
/// The Azure SDK clients of one storage account (blobs, queues, tables), built once and shared by
/// every store. The SDK signs requests, retries (<see cref="StorageRetry"/>) and maps errors to
/// <see cref="Azure.RequestFailedException"/>; this type only chooses the credential and the options.
/// </summary>
/// <remarks>Thread-safe, as the SDK clients are. Creating it sends no request.</remarks>
public sealed class StorageClients
{
    /// <summary>Wraps clients built elsewhere (tests with custom options).</summary>
    public StorageClients(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(tables);
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    /// <summary>The blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>The table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>
    /// Clients for a connection string: <c>UseDevelopmentStorage=true</c> or
    /// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…</c> with optional explicit endpoints.
    /// </summary>
    /// <exception cref="FormatException">The string is not a storage connection string; the message never quotes it.</exception>
    public static StorageClients FromConnectionString(string connectionString, TimeSpan? networkTimeout = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        try
        {
            return new StorageClients(
                new BlobServiceClient(connectionString, StorageRetry.Apply(new BlobClientOptions(), networkTimeout)),
                new QueueServiceClient(connectionString, StorageRetry.Apply(new QueueClientOptions(), networkTimeout)),
                new TableServiceClient(connectionString, StorageRetry.Apply(new TableClientOptions(), networkTimeout)));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            // The SDK's own messages name settings, not values, so they are safe to pass on; the input is never echoed.
            throw new FormatException(
                $"The storage connection string is malformed ({ex.Message.TrimEnd('.')}). Use UseDevelopmentStorage=true or DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net.",
                ex);
        }
    }

    /// <summary>
    /// Clients for an account reached with Entra ID (managed identity, workload identity, developer
    /// login): endpoints <c>https://{name}.{blob|queue|table}.{endpointSuffix}</c>.
    /// </summary>
    public static StorageClients FromAccountName(string accountName, TokenCredential credential, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageClients(
            new BlobServiceClient(ServiceUri(accountName, "blob", endpointSuffix), credential, StorageRetry.Apply(new BlobClientOptions(), null)),
            new QueueServiceClient(ServiceUri(accountName, "queue", endpointSuffix), credential, StorageRetry.Apply(new QueueClientOptions(), null)),
            new TableServiceClient(ServiceUri(accountName, "table", endpointSuffix), credential, StorageRetry.Apply(new TableClientOptions(), null)));
    }

    /// <summary>A client for one blob container (no request is made).</summary>
    public BlobContainerClient GetBlobContainer(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>A client for one table (no request is made).</summary>
    public TableClient GetTable(string name) => Tables.GetTableClient(name);

    /// <summary>A client for one queue (no request is made).</summary>
    public QueueClient GetQueue(string name) => Queues.GetQueueClient(name);

    /// <summary>
    /// One cheap authenticated call to each service (a listing of at most one item); throws
    /// <see cref="Azure.RequestFailedException"/> (or the transport's exception) when any is unreachable or refuses the credential.
    /// </summary>
    public async Task CheckAvailabilityAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            FirstPageAsync(Blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1)),
            FirstPageAsync(Queues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1)),
            FirstPageAsync(Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))).ConfigureAwait(false);
    }

    /// <summary>The account name, safe for logs (no key, no token).</summary>
    public override string ToString() => Blobs.AccountName;

    private static async Task FirstPageAsync<T>(IAsyncEnumerable<Azure.Page<T>> pages)
    {
        await foreach (var _ in pages.ConfigureAwait(false))
        {
            return;
        }
    }

    // The SDK accepts the service endpoint as a URI; the account name is the only variable part.
    private static Uri ServiceUri(string accountName, string service, string suffix) => new($"https://{accountName}.{service}.{suffix}");
}
