using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Codegen.Configuration;

/// <summary>
/// Saved configurations in <c>{hub}Configurations</c>: one row per version (RowKey = version
/// zero-padded to 10 digits, so rows sort by version) and a <c>counter</c> row per service.
/// A save is one entity group transaction (counter and version together, the counter guarded by
/// its ETag), so versions are 1, 2, 3… with no gap or duplicate under concurrent saves. Texts
/// larger than <see cref="InlineLimitBytes"/> go to the blob <c>{hub}-configurations/{service}/{sha256}</c>
/// (content-addressed: written before the row, harmless if the save then loses a race).
/// </summary>
/// <remarks>Thread-safe singleton. Versions are never changed or deleted.</remarks>
public sealed partial class ConfigurationStore : IStorageSetup
{
    /// <summary>Texts up to this many UTF-8 bytes are kept in the row (a table string property holds 64 KiB of UTF-16).</summary>
    public const int InlineLimitBytes = 30 * 1024;

    private const string CounterRow = "counter";
    private const int MaxAttempts = 30;

    private readonly TableClient _table;
    private readonly BlobContainerClient _container;
    private readonly TimeProvider _time;
    private readonly ILogger<ConfigurationStore> _logger;
    private readonly OnceUntilSucceeded _created;

    /// <summary>Creates the store; sends no request.</summary>
    public ConfigurationStore(StorageClients account, ConfigurationStorageNames names, TimeProvider time, ILogger<ConfigurationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _table = account.GetTable(names.Table);
        _container = account.GetBlobContainer(names.Container);
        _created = OnceUntilSucceeded.Creating([_table], [_container]);
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes when the table and the container exist; a failed attempt is retried by the next caller.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.WaitAsync(cancellationToken);

    /// <summary>
    /// Saves <paramref name="text"/> as the next version of <paramref name="service"/>. The caller
    /// validates it first; this method stores any text. Not idempotent: every call is a new version.
    /// </summary>
    public async Task<SavedConfiguration> SaveAsync(string service, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        await EnsureCreatedAsync(cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string? blobName = null;
        if (bytes.Length > InlineLimitBytes)
        {
            blobName = $"{service}/{sha}";
            await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var counter = await _table.GetEntityOrNullAsync(service, CounterRow, cancellationToken: cancellationToken);
            var version = (counter?.GetInt64("Last") ?? 0) + 1;
            var saved = new SavedConfiguration(service, version, _time.GetUtcNow(), sha, bytes.Length, FormatOf(text));
            var row = ToEntity(saved, blobName is null ? text : null, blobName);
            var counterEntity = new TableEntity(service, CounterRow) { ["Last"] = version };
            TableTransactionAction counterAction = counter is null
                ? new(TableTransactionActionType.Add, counterEntity)
                : new(TableTransactionActionType.UpdateReplace, counterEntity, counter.ETag);
            try
            {
                await _table.SubmitTransactionAsync([counterAction, new(TableTransactionActionType.Add, row)], cancellationToken);
                ConfigurationLog.Saved(_logger, service, version, bytes.Length, sha);
                return saved;
            }
            catch (RequestFailedException ex) when (ex.IsConcurrencyConflict() && attempt < MaxAttempts)
            {
                // Another save took this version first: read the counter again.
                ConfigurationLog.SaveRaced(_logger, service, version, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 10 + (15 * attempt))), cancellationToken);
            }
        }
    }

    /// <summary>The latest version's number, or null when the service has none.</summary>
    public async Task<long?> GetLatestVersionAsync(string service, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var counter = await _table.GetEntityOrNullAsync(service, CounterRow, cancellationToken: cancellationToken);
        return counter?.GetInt64("Last");
    }

    /// <summary>True when the service has a saved configuration (it "is a Mage service").</summary>
    public async Task<bool> HasAnyAsync(string service, CancellationToken cancellationToken) =>
        await GetLatestVersionAsync(service, cancellationToken) is not null;

    /// <summary>A version with its text; the latest when <paramref name="version"/> is null. Null when there is no such version.</summary>
    public async Task<SavedConfigurationText?> GetAsync(string service, long? version, CancellationToken cancellationToken)
    {
        var number = version ?? await GetLatestVersionAsync(service, cancellationToken);
        if (number is not { } wanted || wanted < 1)
        {
            return null;
        }

        await EnsureCreatedAsync(cancellationToken);
        var entity = await _table.GetEntityOrNullAsync(service, RowKey(wanted), cancellationToken: cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var saved = ToSaved(entity);
        var text = entity.GetString("Text");
        if (entity.GetString("Blob") is { } blob)
        {
            text = (await _container.GetBlobClient(blob).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }

        return new SavedConfigurationText(saved, text ?? string.Empty);
    }

    /// <summary>Every version of the service, newest first (without texts).</summary>
    public async Task<IReadOnlyList<SavedConfiguration>> ListAsync(string service, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {service} and RowKey lt {CounterRow}");
        var list = new List<SavedConfiguration>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["Version", "SavedAt", "Sha256", "Size", "Format"], cancellationToken: cancellationToken))
        {
            list.Add(ToSaved(entity));
        }

        list.Reverse();
        return list;
    }

    /// <summary><c>json</c> when the text is a JSON object, otherwise <c>yaml</c>.</summary>
    public static string FormatOf(string text) => text.AsSpan().TrimStart().StartsWith("{") ? "json" : "yaml";

    private static string RowKey(long version) => version.ToString("D10", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(SavedConfiguration saved, string? text, string? blob)
    {
        var entity = new TableEntity(saved.Service, RowKey(saved.Version))
        {
            ["Version"] = saved.Version,
            ["SavedAt"] = saved.SavedAt,
            ["Sha256"] = saved.Sha256,
            ["Size"] = saved.Size,
            ["Format"] = saved.Format,
        };
        if (text is not null)
        {
            entity["Text"] = text;
        }

        if (blob is not null)
        {
            entity["Blob"] = blob;
        }

        return entity;
    }

    private static SavedConfiguration ToSaved(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetInt64("Version") ?? 0,
        entity.GetDateTimeOffset("SavedAt") ?? DateTimeOffset.UnixEpoch,
        entity.GetString("Sha256") ?? string.Empty,
        entity.GetInt64("Size") ?? 0,
        entity.GetString("Format") ?? "yaml");
}
