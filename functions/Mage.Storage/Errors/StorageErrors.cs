using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Mage.Storage;

/// <summary>Turns failed responses and transport failures into typed <see cref="StorageException"/>s.</summary>
internal static class StorageErrors
{
    public static StorageException FromResponse(Response response, string operation)
    {
        string? code = response.Headers.TryGetValue("x-ms-error-code", out string? headerCode) ? headerCode : null;
        (string? bodyCode, string? bodyMessage) = ReadBody(response);
        code ??= bodyCode;
        // Only the operation name, status, code and the service's own text: never the URL (could carry a SAS).
        string message = $"{operation} failed with {response.Status} {code ?? response.ReasonPhrase}"
            + (string.IsNullOrWhiteSpace(bodyMessage) ? "." : $": {FirstLine(bodyMessage)}");
        return Create(message, response.Status, code, null);
    }

    public static StorageException Create(string message, int status, string? code, Exception? inner) => status switch
    {
        404 => new StorageNotFoundException(message, status, code, inner),
        409 => new StorageConflictException(message, status, code, inner),
        412 => new StoragePreconditionFailedException(message, status, code, inner),
        429 or 503 => new StorageThrottledException(message, status, code, inner),
        _ => new StorageException(message, status, code, inner),
    };

    public static StorageException Unreachable(string operation, Exception inner) =>
        new($"{operation} failed: the storage service could not be reached ({inner.GetType().Name}: {FirstLine(inner.Message)}).",
            0, "ServiceUnreachable", inner);

    /// <summary>Reads <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c> (blob/queue) or <c>odata.error</c> (table).</summary>
    internal static (string? Code, string? Message) ReadBody(Response response)
    {
        try
        {
            BinaryData? content = response.ContentStream is null or { CanSeek: true } ? response.Content : null;
            if (content is null || content.ToMemory().Length == 0)
            {
                return (null, null);
            }
            string text = content.ToString().TrimStart('\uFEFF', ' ', '\r', '\n');
            if (text.StartsWith('{'))
            {
                using JsonDocument doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("odata.error", out JsonElement err))
                {
                    string? code = err.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
                    string? msg = err.TryGetProperty("message", out JsonElement m)
                        ? (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out JsonElement v) ? v.GetString() : m.ToString())
                        : null;
                    return (code, msg);
                }
                return (null, null);
            }
            if (text.StartsWith('<'))
            {
                XElement root = XElement.Parse(text);
                return ((string?)root.Element("Code"), (string?)root.Element("Message"));
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            // An unreadable error body is not worth masking the status code for.
        }
        return (null, null);
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
