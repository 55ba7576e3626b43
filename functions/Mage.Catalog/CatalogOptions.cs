using Microsoft.Extensions.Configuration;

namespace Mage.Catalog;

/// <summary>
/// Settings of the service catalog: the task hub that prefixes its tables and container,
/// and the object size limit. Immutable after start-up.
/// </summary>
public sealed record CatalogOptions
{
    /// <summary>Default <see cref="ObjectsMaxBytes"/>: 64 MiB.</summary>
    public const long DefaultObjectsMaxBytes = 64L * 1024 * 1024;

    /// <summary>Prefix of every table and container (setting <c>Mage:TaskHub</c>, default <c>mage</c>).</summary>
    public string TaskHub { get; init; } = "mage";

    /// <summary>Largest object accepted by <see cref="ObjectStore"/> (setting <c>Mage:Objects:MaxBytes</c>).</summary>
    public long ObjectsMaxBytes { get; init; } = DefaultObjectsMaxBytes;

    /// <summary>Table of services: <c>{hub}Services</c>.</summary>
    public string ServicesTable => TaskHub + "Services";

    /// <summary>Table of service keys (hash lookups and per-service listings): <c>{hub}ServiceKeys</c>.</summary>
    public string ServiceKeysTable => TaskHub + "ServiceKeys";

    /// <summary>Table of variables: <c>{hub}Variables</c>.</summary>
    public string VariablesTable => TaskHub + "Variables";

    /// <summary>Blob container of objects: <c>{hub}-objects</c> (containers are lowercase).</summary>
    public string ObjectsContainer => TaskHub.ToLowerInvariant() + "-objects";

    /// <summary>Reads <c>Mage:TaskHub</c> and <c>Mage:Objects:MaxBytes</c>.</summary>
    /// <exception cref="InvalidOperationException">A setting is malformed; the message names it.</exception>
    public static CatalogOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hub = configuration["Mage:TaskHub"] is { Length: > 0 } h ? h.Trim() : "mage";
        if (hub.Length is < 1 or > 40 || !char.IsAsciiLetter(hub[0]) || !hub.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException($"Mage__TaskHub '{hub}' must be 1-40 ASCII letters and digits starting with a letter: it prefixes table names, which allow nothing else.");
        }

        var max = DefaultObjectsMaxBytes;
        if (configuration["Mage:Objects:MaxBytes"] is { Length: > 0 } text)
        {
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max) || max < 1)
            {
                throw new InvalidOperationException($"Mage__Objects__MaxBytes '{text}' is not a positive whole number of bytes.");
            }
        }

        return new CatalogOptions { TaskHub = hub, ObjectsMaxBytes = max };
    }
}
