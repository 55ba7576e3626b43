using Azure.Core;
using Azure.Core.Pipeline;
using Mage.Storage.Auth;
using Mage.Storage.Blobs;
using Mage.Storage.Queues;
using Mage.Storage.Tables;

namespace Mage.Storage;

/// <summary>
/// A storage account: its three endpoints, its credential (SharedKey or Entra ID token) and one
/// <see cref="HttpPipeline"/> per service. Thread-safe; create once and share, as are the clients it hands out.
/// <see cref="ToString"/> and <see cref="ConnectionStringForLogs"/> never include the key.
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The Azurite / emulator account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The Azurite / emulator well-known key (public, documented).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>OAuth scope for Entra ID tokens.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    private readonly StorageService _blob;
    private readonly StorageService _queue;
    private readonly StorageService _table;

    private StorageAccount(string accountName, Uri blob, Uri queue, Uri table, SharedKeyCredential? key, TokenCredential? token, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        AccountName = accountName;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        HttpPipelinePolicy blobQueueAuth = key is not null
            ? new SharedKeyPolicy(key)
            : new BearerTokenAuthenticationPolicy(token!, TokenScope);
        HttpPipelinePolicy tableAuth = key is not null
            ? new TableSharedKeyPolicy(key, options.UseTableSharedKeyLite)
            : new BearerTokenAuthenticationPolicy(token!, TokenScope);
        HttpPipeline blobQueuePipeline = HttpPipelineBuilder.Build(options, StorageHeadersPolicy.Shared, blobQueueAuth);
        _blob = new StorageService(blobQueuePipeline, blob, key);
        _queue = new StorageService(blobQueuePipeline, queue, key);
        _table = new StorageService(HttpPipelineBuilder.Build(options, StorageHeadersPolicy.Shared, tableAuth), table, key);
        ConnectionStringForLogs = key is not null
            ? $"AccountName={accountName};AccountKey=***;BlobEndpoint={blob};QueueEndpoint={queue};TableEndpoint={table}"
            : $"AccountName={accountName};Credential=TokenCredential;BlobEndpoint={blob};QueueEndpoint={queue};TableEndpoint={table}";
    }

    /// <summary>The account name (also the first path segment on Azurite's path-style endpoints).</summary>
    public string AccountName { get; }

    /// <summary>Blob service endpoint, e.g. <c>https://acct.blob.core.windows.net</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>Table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>True when requests are signed with the account key (SAS generation possible).</summary>
    public bool UsesSharedKey => _blob.Key is not null;

    /// <summary>A description of the account safe for logs: endpoints and name, the key masked.</summary>
    public string ConnectionStringForLogs { get; }

    /// <summary>
    /// Parses a connection string: <c>UseDevelopmentStorage=true</c> or
    /// <c>DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...[;EndpointSuffix=...][;BlobEndpoint=...]...</c>.
    /// Throws <see cref="FormatException"/> naming the problem, never echoing the key.
    /// </summary>
    public static StorageAccount Parse(string connectionString, StorageClientOptions? options = null)
    {
        ConnectionStringParts parts = ConnectionStringParts.Parse(connectionString);
        return new StorageAccount(parts.AccountName, parts.BlobEndpoint, parts.QueueEndpoint, parts.TableEndpoint,
            new SharedKeyCredential(parts.AccountName, parts.AccountKey), null, options);
    }

    /// <summary>
    /// An account reached with Entra ID (managed identity, workload identity, developer login), as for
    /// <c>AzureWebJobsStorage__accountName</c>: endpoints <c>https://{name}.{service}.{endpointSuffix}</c>.
    /// </summary>
    public static StorageAccount FromAccountName(string accountName, TokenCredential credential, StorageClientOptions? options = null, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(accountName,
            new Uri($"https://{accountName}.blob.{endpointSuffix}"),
            new Uri($"https://{accountName}.queue.{endpointSuffix}"),
            new Uri($"https://{accountName}.table.{endpointSuffix}"),
            null, credential, options);
    }

    /// <summary>An account with explicit endpoints and an Entra ID credential (e.g. private endpoints).</summary>
    public static StorageAccount FromEndpoints(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(accountName, blobEndpoint, queueEndpoint, tableEndpoint, null, credential, options);
    }

    /// <summary>A client for one blob container (no request is made).</summary>
    public BlobContainerClient GetBlobContainer(string name) => new(_blob, name);

    /// <summary>A client for one queue (no request is made).</summary>
    public QueueClient GetQueue(string name) => new(_queue, name);

    /// <summary>A client for one table (no request is made).</summary>
    public TableClient GetTable(string name) => new(_table, name);

    /// <summary>
    /// Makes one cheap authenticated call to each service (list with 1 result); throws
    /// <see cref="StorageException"/> when any is unreachable or rejects the credential.
    /// </summary>
    public async Task CheckAvailabilityAsync(CancellationToken cancellationToken = default)
    {
        Task blob = _blob.SendAndDisposeAsync(_blob.CreateMessage(RequestMethod.Get, "", ("comp", "list"), ("maxresults", "1")), "Blob health check", cancellationToken);
        Task queue = _queue.SendAndDisposeAsync(_queue.CreateMessage(RequestMethod.Get, "", ("comp", "list"), ("maxresults", "1")), "Queue health check", cancellationToken);
        HttpMessage tableMessage = _table.CreateMessage(RequestMethod.Get, "Tables", ("$top", "1"));
        tableMessage.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        Task table = _table.SendAndDisposeAsync(tableMessage, "Table health check", cancellationToken);
        await Task.WhenAll(blob, queue, table).ConfigureAwait(false);
    }

    /// <summary>Same as <see cref="ConnectionStringForLogs"/>: never includes the key.</summary>
    public override string ToString() => ConnectionStringForLogs;
}
