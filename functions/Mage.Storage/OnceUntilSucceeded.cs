using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Mage.Storage;

/// <summary>
/// Runs an idempotent piece of set-up (creating tables and containers) once for every caller of a
/// singleton; a failed or cancelled attempt is not remembered, so the next caller tries again and
/// the app recovers when storage comes back. Thread-safe.
/// </summary>
/// <param name="attempt">Starts one attempt; called under a lock, so it must only start the work.</param>
public sealed class OnceUntilSucceeded(Func<Task> attempt)
{
    private readonly Lock _gate = new();
    private Task? _current;

    /// <summary>Completes when an attempt has succeeded; <paramref name="cancellationToken"/> stops this caller's wait only.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        Task current;
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                // Shared by every caller, so not tied to one caller's token.
                _current = attempt();
            }

            current = _current;
        }

        return current.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Creates <paramref name="tables"/> and <paramref name="containers"/> (those missing) once
    /// until it succeeds: the lazy set-up of a store that owns them.
    /// </summary>
    public static OnceUntilSucceeded Creating(IReadOnlyList<TableClient> tables, IReadOnlyList<BlobContainerClient> containers) =>
        new(() => Task.WhenAll(
            tables.Select(table => (Task)table.CreateIfNotExistsAsync(CancellationToken.None))
                .Concat(containers.Select(container => (Task)container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None)))));
}
