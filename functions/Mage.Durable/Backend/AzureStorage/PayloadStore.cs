using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mage.Storage.Blobs;
using Mage.Storage.Tables;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// Large payloads in the <c>&lt;hub&gt;-payloads</c> container, named <c>{instanceId}/{sha256}</c> so that an
/// unchanged value (an instance's input at every checkpoint) is uploaded once and purge can delete by prefix.
/// </summary>
internal sealed class PayloadStore(BlobContainerClient container)
{
    private readonly ConcurrentDictionary<string, byte> _uploaded = new(StringComparer.Ordinal);

    public BlobContainerClient Container { get; } = container;

    /// <summary>Uploads <paramref name="value"/> (once per content) and returns the blob name.</summary>
    public async Task<string> PutAsync(string instanceId, string value, CancellationToken cancellationToken)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        string name = instanceId + "/" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!_uploaded.ContainsKey(name))
        {
            await Container.GetBlob(name).UploadAsync(new BinaryData(bytes), null, cancellationToken).ConfigureAwait(false);
            _uploaded.TryAdd(name, 0);
        }

        return name;
    }

    public async Task<string> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        BinaryData data = await Container.GetBlob(blobName).DownloadAsync(null, cancellationToken).ConfigureAwait(false);
        return data.ToString();
    }

    /// <summary>Deletes every payload of an instance; returns how many blobs were deleted.</summary>
    public async Task<int> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (BlobItem item in Container.GetBlobsAsync(instanceId + "/", null, cancellationToken).ConfigureAwait(false))
        {
            names.Add(item.Name);
        }

        foreach (string name in names)
        {
            await Container.GetBlob(name).DeleteIfExistsAsync(null, cancellationToken).ConfigureAwait(false);
            _uploaded.TryRemove(name, out _);
        }

        return names.Count;
    }

    /// <summary>Sets property <paramref name="name"/> inline, or <c>{name}Blob</c> to a blob when larger than <paramref name="maxBytes"/> (UTF-16).</summary>
    public async Task SetPropertyAsync(TableEntity entity, string name, string? value, string instanceId, int maxBytes, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length * 2 <= maxBytes)
        {
            entity[name] = value;
        }
        else
        {
            entity[name + "Blob"] = await PutAsync(instanceId, value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a property written by <see cref="SetPropertyAsync"/>.</summary>
    public async Task<string?> GetPropertyAsync(TableEntity entity, string name, CancellationToken cancellationToken)
    {
        if (entity.GetString(name + "Blob") is { Length: > 0 } blob)
        {
            return await GetAsync(blob, cancellationToken).ConfigureAwait(false);
        }

        return entity.GetString(name);
    }
}
