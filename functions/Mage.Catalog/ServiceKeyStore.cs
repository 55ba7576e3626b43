using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Catalog;

/// <summary>
/// Per-service keys in the <c>{hub}ServiceKeys</c> table, stored only as SHA-256 hashes. Several
/// keys per service may be valid at once (rotation). Thread-safe singleton.
/// </summary>
/// <remarks>
/// Each key has two rows: a lookup row (partition <c>h_</c> + the hash's first two hex digits,
/// row key = the hash) that answers <see cref="FindServiceAsync"/> with one point read, and a
/// listing row (partition <c>s_</c> + service, row key = id) for listing and revoking. Creation
/// writes the listing row first and revocation deletes the lookup row first, so a key is never
/// valid without being listed. Successful lookups are cached for <see cref="CacheLifetime"/>;
/// a revocation elsewhere takes effect within that time, in this process at once.
/// </remarks>
public sealed class ServiceKeyStore
{
    /// <summary>Prefix of every service key, so a leaked key is recognisable in scans.</summary>
    public const string KeyPrefix = "mage_svc_";

    /// <summary>How long a successful lookup is reused.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private const int MaxPresentedKeyLength = 256;
    private const int MaxCacheEntries = 10_000;

    private readonly CatalogStorage _storage;
    private readonly ILogger<ServiceKeyStore> _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Service, long ExpiresAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public ServiceKeyStore(CatalogStorage storage, ILogger<ServiceKeyStore> logger, TimeProvider? time = null)
    {
        _storage = storage;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>SHA-256 of the key as lowercase hex (the same as the app's <c>ApiKeyComparer.Hash</c>).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Creates a key for <paramref name="service"/> from 32 CSPRNG bytes. The caller checks that the service exists.</summary>
    public async Task<CreatedServiceKey> CreateAsync(string service, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var hash = Hash(key);
        var createdAt = DateTimeOffset.UtcNow;
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _storage.ServiceKeys.AddEntityAsync(new TableEntity(ListingPartition(service), id) { ["Hash"] = hash, ["CreatedAt"] = createdAt }, cancellationToken).ConfigureAwait(false);
        await _storage.ServiceKeys.AddEntityAsync(new TableEntity(LookupPartition(hash), hash) { ["Service"] = service, ["KeyId"] = id, ["CreatedAt"] = createdAt }, cancellationToken).ConfigureAwait(false);
        CatalogLog.KeyCreated(_logger, service, id);
        return new CreatedServiceKey(key, id, createdAt);
    }

    /// <summary>The keys of <paramref name="service"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ServiceKeyInfo>> ListAsync(string service, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ServiceKeyInfo>();
        await foreach (var entity in _storage.ServiceKeys.QueryPartitionAsync(ListingPartition(service), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new ServiceKeyInfo(entity.RowKey, entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch));
        }

        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>Revokes a key; false when <paramref name="service"/> has no key <paramref name="id"/>.</summary>
    public async Task<bool> RevokeAsync(string service, string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return false;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var listing = await _storage.ServiceKeys.GetEntityOrNullAsync(ListingPartition(service), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (listing?.GetString("Hash") is not { } hash)
        {
            return false;
        }

        await _storage.ServiceKeys.DeleteEntityIfExistsAsync(LookupPartition(hash), hash, cancellationToken: cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(hash, out _);
        await _storage.ServiceKeys.DeleteEntityIfExistsAsync(listing.PartitionKey, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        CatalogLog.KeyRevoked(_logger, service, id);
        return true;
    }

    /// <summary>The service <paramref name="presentedKey"/> belongs to, or null. One point read (or none when cached).</summary>
    public async Task<string?> FindServiceAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > MaxPresentedKeyLength || !presentedKey.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(presentedKey);
        var now = _time.GetTimestamp();
        if (_cache.TryGetValue(hash, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Service;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _storage.ServiceKeys.GetEntityOrNullAsync(LookupPartition(hash), hash, cancellationToken: cancellationToken).ConfigureAwait(false);

        // The point read already matched the hash; the constant-time comparison guards against
        // a store that matched keys loosely (e.g. case-insensitively).
        if (entity?.GetString("Service") is not { } service
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entity.RowKey), Encoding.ASCII.GetBytes(hash)))
        {
            _cache.TryRemove(hash, out _);
            return null;
        }

        if (_cache.Count >= MaxCacheEntries)
        {
            _cache.Clear();
        }

        _cache[hash] = (service, now + (long)(CacheLifetime.TotalSeconds * _time.TimestampFrequency));
        return service;
    }

    private static bool IsValidId(string id) => id.Length == 16 && id.All(char.IsAsciiHexDigitLower);

    private static string ListingPartition(string service) => "s_" + service;

    private static string LookupPartition(string hash) => "h_" + hash[..2];
}
