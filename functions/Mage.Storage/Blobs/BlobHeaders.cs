using System.Globalization;
using Azure;
using Azure.Core;

namespace Mage.Storage.Blobs;

/// <summary>Reading and writing blob headers: metadata, properties, names.</summary>
internal static class BlobHeaders
{
    private const string MetaPrefix = "x-ms-meta-";

    public static void SetMetadata(Request request, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }
        foreach ((string name, string value) in metadata)
        {
            // Metadata travels as HTTP headers: names must be identifiers, values printable ASCII.
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier (ASCII letters, digits, '_').", nameof(metadata));
            }
            if (value.Any(c => c < 0x20 || c > 0x7e))
            {
                throw new ArgumentException($"Metadata value for '{name}' must be printable ASCII.", nameof(metadata));
            }
            request.Headers.SetValue(MetaPrefix + name, value);
        }
    }

    public static BlobProperties ReadProperties(ResponseHeaders headers)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (HttpHeader header in headers)
        {
            if (header.Name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetaPrefix.Length..]] = header.Value;
            }
        }
        long length = headers.ContentLength ?? 0;
        return new BlobProperties
        {
            ContentLength = length,
            ContentType = headers.ContentType,
            ETag = ETagParser.Parse(Get(headers, "ETag")),
            LastModified = Date(headers, "Last-Modified"),
            BlobType = Get(headers, "x-ms-blob-type"),
            LeaseState = Get(headers, "x-ms-lease-state"),
            Metadata = metadata,
        };
    }

    public static DateTimeOffset? Date(ResponseHeaders headers, string name) =>
        headers.TryGetValue(name, out string? v) && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : null;

    private static string? Get(ResponseHeaders headers, string name) => headers.TryGetValue(name, out string? v) ? v : null;

    /// <summary>Escapes each segment of a blob name, keeping '/' as the virtual directory separator.</summary>
    public static string EscapePath(string container, string blob) =>
        Uri.EscapeDataString(container) + "/" + string.Join('/', blob.Split('/').Select(Uri.EscapeDataString));

    public static void ValidateContainerName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length is < 3 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Container name '{name}' must be 3-63 lowercase letters, digits and single hyphens.", nameof(name));
        }
    }

    public static void ValidateBlobName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 1024)
        {
            throw new ArgumentException("Blob names are limited to 1,024 characters.", nameof(name));
        }
    }

    public static ETag ParseETag(string? value) => ETagParser.Parse(value);
}
