using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Mage.Catalog.Secrets;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Catalog;

/// <summary>
/// Services in the <c>{hub}Services</c> table (one partition, row key = name). The repository
/// token is encrypted with <see cref="SecretProtector"/> bound to the service's identity and is
/// never returned by reads; <see cref="GetRepositoryTokenAsync"/> is for the build runner only.
/// Thread-safe singleton.
/// </summary>
public sealed class ServiceCatalog
{
    internal const string Partition = "service";
    private const int MaxKnownNames = 10_000;
    private const int MaxAttempts = 5;

    private readonly CatalogStorage _storage;
    private readonly SecretProtector _protector;
    private readonly ILogger<ServiceCatalog> _logger;

    // Services are never deleted, so a name seen once stays valid: this spares the existence
    // check on every sub-resource request a storage round trip.
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>Creates the catalog.</summary>
    public ServiceCatalog(CatalogStorage storage, SecretProtector protector, ILogger<ServiceCatalog> logger)
    {
        _storage = storage;
        _protector = protector;
        _logger = logger;
    }

    /// <summary>The associated data of a service's repository token.</summary>
    public static string TokenIdentity(string service) => $"service/{service}/repository/token";

    /// <summary>
    /// Creates or replaces a service (the token is kept when <see cref="RepositoryUpdate.Token"/> is null).
    /// Validate with <see cref="ServiceValidator"/> first; this method assumes a valid update.
    /// Concurrent writers are serialised with ETags and retried.
    /// </summary>
    public async Task<ServicePutResult> PutAsync(string name, ServiceUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!CatalogNames.IsValidServiceName(name))
        {
            throw new ArgumentException(CatalogNames.ServiceNameProblem(name), nameof(name));
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await _storage.Services.GetEntityOrNullAsync(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var entity = new TableEntity(Partition, name)
            {
                ["DisplayName"] = update.DisplayName,
                ["DefaultManifest"] = update.DefaultManifest,
                ["CreatedAt"] = existing?.GetDateTimeOffset("CreatedAt") ?? now,
                ["UpdatedAt"] = now,
            };
            var tokenChange = "unchanged";
            if (update.Repository is { } repository)
            {
                entity["Provider"] = repository.Provider;
                entity["Url"] = repository.Url;
                entity["Project"] = repository.Project;
                entity["TargetBranch"] = repository.TargetBranch;
                switch (repository.Token)
                {
                    case null:
                        entity["Token"] = existing?.GetString("Token");
                        break;
                    case "":
                        tokenChange = "cleared";
                        break;
                    default:
                        entity["Token"] = _protector.Protect(repository.Token, TokenIdentity(name));
                        tokenChange = "set";
                        break;
                }
            }
            else if (existing?.GetString("Token") is not null)
            {
                tokenChange = "cleared";
            }

            try
            {
                if (existing is null)
                {
                    await _storage.Services.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    CatalogLog.ServiceCreated(_logger, name);
                }
                else
                {
                    await _storage.Services.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    CatalogLog.ServiceUpdated(_logger, name, tokenChange);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                // Another writer got there first; read again and reapply this update on top.
                continue;
            }

            Remember(name);
            return new ServicePutResult(ToRecord(entity), existing is null);
        }

        throw new InvalidOperationException($"Service '{name}' was changed concurrently {MaxAttempts} times in a row; try again.");
    }

    /// <summary>The service, or null when it does not exist.</summary>
    public async Task<ServiceRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidServiceName(name))
        {
            return null;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _storage.Services.GetEntityOrNullAsync(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Every service, ordered by name.</summary>
    public async Task<IReadOnlyList<ServiceRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<ServiceRecord>();
        await foreach (var entity in _storage.Services.QueryPartitionAsync(Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToRecord(entity));
        }

        return list;
    }

    /// <summary>True when the service exists (answered from memory after the first hit).</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidServiceName(name))
        {
            return false;
        }

        if (_known.ContainsKey(name))
        {
            return true;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _storage.Services.GetEntityOrNullAsync(Partition, name, ["CreatedAt"], cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return false;
        }

        Remember(name);
        return true;
    }

    /// <summary>
    /// The decrypted repository token, or null when none is stored. For the build runner only:
    /// the value must never reach a response or a log.
    /// </summary>
    /// <exception cref="SecretUnprotectException">The stored value cannot be decrypted (wrong key or tampering).</exception>
    public async Task<string?> GetRepositoryTokenAsync(string name, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidServiceName(name))
        {
            return null;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _storage.Services.GetEntityOrNullAsync(Partition, name, ["Token"], cancellationToken).ConfigureAwait(false);
        return entity?.GetString("Token") is { } stored ? _protector.Unprotect(stored, TokenIdentity(name)) : null;
    }

    private void Remember(string name)
    {
        if (_known.Count >= MaxKnownNames)
        {
            _known.Clear();
        }

        _known.TryAdd(name, 0);
    }

    private static ServiceRecord ToRecord(TableEntity entity)
    {
        var repository = entity.GetString("Provider") is { } provider
            ? new RepositoryRecord(provider, entity.GetString("Url") ?? "", entity.GetString("Project"), entity.GetString("TargetBranch"), entity.GetString("Token") is not null)
            : null;
        var created = entity.GetDateTimeOffset("CreatedAt") ?? entity.Timestamp ?? DateTimeOffset.UnixEpoch;
        return new ServiceRecord(entity.RowKey, entity.GetString("DisplayName"), repository, entity.GetString("DefaultManifest"), created, entity.GetDateTimeOffset("UpdatedAt") ?? created);
    }
}
