using System.Globalization;
using Mage.Storage;
using Mage.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// Control-queue ownership by blob leases in <c>&lt;hub&gt;-leases</c> (one blob per partition). Every
/// <see cref="AzureStorageBackendOptions.LeaseAcquireInterval"/> a worker heartbeats (blob <c>workers/{id}</c>),
/// counts live workers (heartbeat younger than a lease), computes its fair share (partitions split evenly, the
/// first workers by id taking one extra), releases partitions above it (only those without in-flight work
/// items) and acquires free or expired ones up to it. Held leases are renewed every
/// <see cref="AzureStorageBackendOptions.LeaseRenewInterval"/>; a failed renewal drops the partition at once.
/// Leases are released on dispose unless <see cref="AzureStorageBackendOptions.ReleaseLeasesOnDispose"/> is false.
/// Times here are real (UTC) because blob leases are.
/// </summary>
internal sealed class PartitionManager : IAsyncDisposable
{
    private readonly BlobContainerClient _container;
    private readonly AzureStorageBackendOptions _options;
    private readonly string _hub;
    private readonly string _leaseId = Guid.NewGuid().ToString();
    private readonly Func<int, bool> _canRelease;
    private readonly Action<int> _onReleased;
    private readonly ILogger _logger;
    private readonly Dictionary<int, DateTimeOffset> _owned = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private int[] _snapshot = [];
    private Task? _loop;

    public PartitionManager(BlobContainerClient container, AzureStorageBackendOptions options, Func<int, bool> canRelease, Action<int> onReleased, ILogger logger)
    {
        _container = container;
        _options = options;
        _hub = options.TaskHub.ToLowerInvariant();
        _canRelease = canRelease;
        _onReleased = onReleased;
        _logger = logger;
    }

    /// <summary>Partitions this worker holds right now.</summary>
    public IReadOnlyList<int> Owned => Volatile.Read(ref _snapshot);

    public bool Owns(int partition) => Array.IndexOf(Volatile.Read(ref _snapshot), partition) >= 0;

    /// <summary>Creates the lease blobs, runs one cycle (so partitions are held on return) and starts the loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (int p = 0; p < _options.PartitionCount; p++)
        {
            BlobClient blob = _container.GetBlob(LeaseBlobName(p));
            try
            {
                await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = BlobConditions.IfNotExists }, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed)
            {
                // Exists already (possibly leased).
            }
        }

        await CycleAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        if (_options.ReleaseLeasesOnDispose)
        {
            int[] owned;
            lock (_gate)
            {
                owned = [.. _owned.Keys];
                _owned.Clear();
                Publish();
            }

            foreach (int p in owned)
            {
                await TryReleaseAsync(p).ConfigureAwait(false);
            }

            await IgnoreErrorsAsync(() => _container.GetBlob(WorkerBlobName(_options.WorkerId)).DeleteIfExistsAsync(null, CancellationToken.None)).ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static async Task IgnoreErrorsAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (StorageException)
        {
            // Best effort: leases and heartbeats expire on their own.
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.LeaseAcquireInterval, _stop.Token).ConfigureAwait(false);
                await CycleAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive storage outages.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AzureStorageLogs.PartitionCycleFailed(_logger, _options.TaskHub, ex);
            }
        }
    }

    private async Task CycleAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await _container.GetBlob(WorkerBlobName(_options.WorkerId)).UploadAsync(BinaryData.Empty, null, cancellationToken).ConfigureAwait(false);
        var alive = new SortedSet<string>(StringComparer.Ordinal) { _options.WorkerId };
        await foreach (BlobItem item in _container.GetBlobsAsync("workers/", null, cancellationToken).ConfigureAwait(false))
        {
            if (item.LastModified is { } modified && modified >= now - _options.LeaseDuration)
            {
                alive.Add(Uri.UnescapeDataString(item.Name["workers/".Length..]));
            }
        }

        await RenewAsync(now, cancellationToken).ConfigureAwait(false);

        int index = alive.TakeWhile(id => id != _options.WorkerId).Count();
        int target = (_options.PartitionCount / alive.Count) + (index < _options.PartitionCount % alive.Count ? 1 : 0);
        int[] owned;
        lock (_gate)
        {
            owned = [.. _owned.Keys.Order()];
        }

        int count = owned.Length;
        for (int i = owned.Length - 1; i >= 0 && count > target; i--)
        {
            int p = owned[i];
            if (!_canRelease(p))
            {
                continue;
            }

            count--;

            lock (_gate)
            {
                _owned.Remove(p);
                Publish();
            }

            _onReleased(p);
            await TryReleaseAsync(p).ConfigureAwait(false);
            AzureStorageLogs.PartitionReleased(_logger, _options.TaskHub, _options.WorkerId, p);
        }

        for (int p = 0; p < _options.PartitionCount && Owned.Count < target; p++)
        {
            if (Owns(p))
            {
                continue;
            }

            try
            {
                await _container.GetBlob(LeaseBlobName(p)).AcquireLeaseAsync(_options.LeaseDuration, _leaseId, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed)
            {
                continue;
            }

            lock (_gate)
            {
                _owned[p] = DateTimeOffset.UtcNow;
                Publish();
            }

            AzureStorageLogs.PartitionAcquired(_logger, _options.TaskHub, _options.WorkerId, p);
        }
    }

    private async Task RenewAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        KeyValuePair<int, DateTimeOffset>[] owned;
        lock (_gate)
        {
            owned = [.. _owned];
        }

        foreach ((int p, DateTimeOffset renewed) in owned)
        {
            if (now - renewed < _options.LeaseRenewInterval)
            {
                continue;
            }

            try
            {
                await _container.GetBlob(LeaseBlobName(p)).RenewLeaseAsync(_leaseId, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_owned.ContainsKey(p))
                    {
                        _owned[p] = now;
                    }
                }
            }
            catch (StorageException ex) when (ex.Kind is not StorageErrorKind.Unreachable and not StorageErrorKind.Throttled)
            {
                lock (_gate)
                {
                    _owned.Remove(p);
                    Publish();
                }

                _onReleased(p);
                AzureStorageLogs.PartitionLost(_logger, _options.TaskHub, _options.WorkerId, p, ex);
            }
        }
    }

    private Task TryReleaseAsync(int partition) =>
        IgnoreErrorsAsync(() => _container.GetBlob(LeaseBlobName(partition)).ReleaseLeaseAsync(_leaseId, CancellationToken.None));

    private void Publish() => Volatile.Write(ref _snapshot, [.. _owned.Keys.Order()]);

    private string LeaseBlobName(int partition) => string.Create(CultureInfo.InvariantCulture, $"{_hub}-control-{partition:D2}");

    private static string WorkerBlobName(string workerId) => "workers/" + Uri.EscapeDataString(workerId);
}
