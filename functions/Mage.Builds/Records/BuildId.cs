using System.Globalization;
using System.Security.Cryptography;

namespace Mage.Builds.Records;

/// <summary>
/// A build id: <c>{service}-{number}-{suffix}</c>. Service and number make it a point lookup in
/// the builds table (no index to keep in step); the random suffix keeps ids unguessable and
/// distinct when a service is deleted and created again.
/// </summary>
public static class BuildId
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new id for build <paramref name="number"/> of <paramref name="service"/>.</summary>
    public static string Create(string service, long number) =>
        $"{service}-{number.ToString(CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetString(Alphabet, 6)}";

    /// <summary>Splits an id that the system itself issued (activity inputs); anything else is a bug.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a build id.</exception>
    public static (string Service, long Number) Parse(string id) =>
        TryParse(id, out var service, out var number) ? (service, number) : throw new ArgumentException($"'{id}' is not a build id.", nameof(id));

    /// <summary>Splits an id; false for anything that is not one.</summary>
    public static bool TryParse(string? id, out string service, out long number)
    {
        service = string.Empty;
        number = 0;
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return false;
        }

        var last = id.LastIndexOf('-');
        var middle = last > 0 ? id.LastIndexOf('-', last - 1) : -1;
        if (middle <= 0 || last - middle < 2 || id.Length - last != 7)
        {
            return false;
        }

        if (!long.TryParse(id.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)
        {
            return false;
        }

        service = id[..middle];
        return Catalog.CatalogNames.IsValidServiceName(service) && id[(last + 1)..].All(Alphabet.Contains);
    }
}
