using Azure.Data.Tables;
using Mage.Catalog.Secrets;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Catalog;

/// <summary>
/// Service variables in the <c>{hub}Variables</c> table (partition = service, row key = key).
/// Masked values are encrypted with <see cref="SecretProtector"/> bound to the variable's
/// identity and read back as <see cref="MaskedValue"/>; plain values are stored as they are.
/// Thread-safe singleton.
/// </summary>
public sealed class VariableStore : IVariableStore
{
    /// <summary>What a masked value reads back as.</summary>
    public const string MaskedValue = "xxxxxx";

    /// <summary>Shortest masked value: shorter secrets would be masked all over unrelated log text.</summary>
    public const int MinMaskedLength = 6;

    /// <summary>Longest value, in characters (a table property holds 64 KiB; ciphertext is base64).</summary>
    public const int MaxValueLength = 16_384;

    private readonly CatalogStorage _storage;
    private readonly SecretProtector _protector;
    private readonly ILogger<VariableStore> _logger;

    /// <summary>Creates the store.</summary>
    public VariableStore(CatalogStorage storage, SecretProtector protector, ILogger<VariableStore> logger)
    {
        _storage = storage;
        _protector = protector;
        _logger = logger;
    }

    /// <summary>The associated data of a masked variable's value.</summary>
    public static string ValueIdentity(string service, string key) => $"service/{service}/variable/{key}";

    /// <summary>Every problem with a variable write; empty when valid. Messages never quote the value.</summary>
    public static IReadOnlyList<CatalogValidationError> Validate(string key, string? value, bool masked)
    {
        var errors = new List<CatalogValidationError>();
        if (!CatalogNames.IsValidVariableKey(key))
        {
            errors.Add(new("key", CatalogNames.VariableKeyProblem(key)));
        }

        if (value is null)
        {
            errors.Add(new("value", "value is required (a string)."));
        }
        else if (value.Length > MaxValueLength)
        {
            errors.Add(new("value", $"value is {value.Length} characters; the limit is {MaxValueLength}."));
        }
        else if (masked && value.Length < MinMaskedLength)
        {
            errors.Add(new("value", $"A masked value must be at least {MinMaskedLength} characters; this one has {value.Length}."));
        }

        return errors;
    }

    /// <summary>Creates or replaces a variable. Validate with <see cref="Validate"/> first. The caller checks that the service exists.</summary>
    public async Task<VariablePutResult> PutAsync(string service, string key, string value, bool masked, CancellationToken cancellationToken)
    {
        if (Validate(key, value, masked) is [var first, ..])
        {
            throw new ArgumentException(first.Message, first.Path);
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var existing = await _storage.Variables.GetEntityOrNullAsync(service, key, ["CreatedAt"], cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var entity = new TableEntity(service, key)
        {
            ["Value"] = masked ? _protector.Protect(value, ValueIdentity(service, key)) : value,
            ["Masked"] = masked,
            ["CreatedAt"] = existing?.GetDateTimeOffset("CreatedAt") ?? now,
            ["UpdatedAt"] = now,
        };
        await _storage.Variables.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        CatalogLog.VariableSet(_logger, service, key, masked);
        return new VariablePutResult(ToRecord(entity), existing is null);
    }

    /// <summary>The variable as the API shows it, or null when missing.</summary>
    public async Task<VariableRecord?> GetAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidVariableKey(key))
        {
            return null;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _storage.Variables.GetEntityOrNullAsync(service, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Every variable of the service as the API shows them, ordered by key.</summary>
    public async Task<IReadOnlyList<VariableRecord>> ListAsync(string service, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<VariableRecord>();
        await foreach (var entity in _storage.Variables.QueryPartitionAsync(service, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToRecord(entity));
        }

        return list;
    }

    /// <summary>Deletes a variable; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidVariableKey(key))
        {
            return false;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await _storage.Variables.DeleteEntityIfExistsAsync(service, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            CatalogLog.VariableDeleted(_logger, service, key);
        }

        return deleted;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BuildVariable>> GetForBuildAsync(string service, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<BuildVariable>();
        await foreach (var entity in _storage.Variables.QueryPartitionAsync(service, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var masked = entity.GetBoolean("Masked") ?? false;
            var stored = entity.GetString("Value") ?? "";
            list.Add(new BuildVariable(entity.RowKey, masked ? _protector.Unprotect(stored, ValueIdentity(service, entity.RowKey)) : stored, masked));
        }

        return list;
    }

    private static VariableRecord ToRecord(TableEntity entity)
    {
        var masked = entity.GetBoolean("Masked") ?? false;
        var created = entity.GetDateTimeOffset("CreatedAt") ?? entity.Timestamp ?? DateTimeOffset.UnixEpoch;
        return new VariableRecord(entity.RowKey, masked ? MaskedValue : entity.GetString("Value") ?? "", masked, created, entity.GetDateTimeOffset("UpdatedAt") ?? created);
    }
}
