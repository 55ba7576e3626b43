using System.Globalization;
using Azure;
using Azure.Core;

namespace Mage.Storage;

/// <summary>Status and headers copied out of a response so the message can be disposed early.</summary>
internal sealed class ResponseHeadersSnapshot
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public ResponseHeadersSnapshot(int status, ResponseHeaders headers)
    {
        Status = status;
        foreach (HttpHeader header in headers)
        {
            _headers[header.Name] = header.Value;
        }
    }

    public int Status { get; }

    public string? Get(string name) => _headers.TryGetValue(name, out string? value) ? value : null;

    public ETag ETag => ETagParser.Parse(Get("ETag"));

    public DateTimeOffset? GetDate(string name) =>
        Get(name) is { } v && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : null;

    public IReadOnlyDictionary<string, string> All => _headers;
}
