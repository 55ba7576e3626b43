using Azure.Data.Tables;
using Mage.Storage;

namespace Mage.Webhooks;

/// <summary>
/// The webhook tables, created on first use. Thread-safe singleton; a failed creation (storage
/// down) is retried by the next caller instead of being remembered.
/// </summary>
public sealed class WebhookStorage : IStorageSetup
{
    private readonly OnceUntilSucceeded _created;

    /// <summary>Creates clients for the names in <paramref name="options"/>; sends no request.</summary>
    public WebhookStorage(StorageClients account, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        Subscriptions = account.GetTable(options.SubscriptionsTable);
        Deliveries = account.GetTable(options.DeliveriesTable);
        Outbox = account.GetTable(options.OutboxTable);
        _created = OnceUntilSucceeded.Creating([Subscriptions, Deliveries, Outbox], []);
    }

    /// <summary>Subscriptions (PartitionKey = service, RowKey = subscription id).</summary>
    public TableClient Subscriptions { get; }

    /// <summary>Deliveries (PartitionKey = service, RowKey = <c>{subscription id}_{event id}</c>).</summary>
    public TableClient Deliveries { get; }

    /// <summary>Deliveries not yet finished (PartitionKey = <see cref="WebhookDeliveryStore.OutboxPartition"/>).</summary>
    public TableClient Outbox { get; }

    /// <summary>Completes when every table exists.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.WaitAsync(cancellationToken);
}
