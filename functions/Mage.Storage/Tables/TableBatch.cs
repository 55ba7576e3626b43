using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace Mage.Storage.Tables;

/// <summary>Builds the multipart/mixed <c>$batch</c> body and reads its multipart response.</summary>
internal static partial class TableBatch
{
    public const int MaxActions = 100;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1..{MaxActions} actions; got {actions.Count}.", nameof(actions));
        }
        string pk = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (TableTransactionAction action in actions)
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableEntityRules.ValidateKey(action.Entity.PartitionKey, nameof(TableEntity.PartitionKey));
                TableEntityRules.ValidateKey(action.Entity.RowKey, nameof(TableEntity.RowKey));
            }
            else
            {
                TableEntityRules.Validate(action.Entity);
            }
            if (!string.Equals(action.Entity.PartitionKey, pk, StringComparison.Ordinal))
            {
                throw new ArgumentException("All actions of a transaction must share one PartitionKey.", nameof(actions));
            }
            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException("An entity may appear only once in a transaction.", nameof(actions));
            }
        }
    }

    public static (byte[] Body, string ContentType) Build(Uri tableEndpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        string batch = "batch_" + Guid.NewGuid().ToString("N");
        string changeset = "changeset_" + Guid.NewGuid().ToString("N");
        string baseUri = tableEndpoint.AbsoluteUri.TrimEnd('/') + "/";
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append("\r\n")
          .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        for (int i = 0; i < actions.Count; i++)
        {
            TableTransactionAction a = actions[i];
            (string method, bool entityAddress, bool conditional) = a.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", false, false),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, false),
                TableTransactionActionType.UpsertReplace => ("PUT", true, false),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, true),
                TableTransactionActionType.UpdateReplace => ("PUT", true, true),
                TableTransactionActionType.Delete => ("DELETE", true, true),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), a.ActionType, "Unknown action type."),
            };
            string uri = baseUri + (entityAddress ? TableEntityRules.EntityPath(table, a.Entity.PartitionKey, a.Entity.RowKey) : table);
            sb.Append("--").Append(changeset).Append("\r\n")
              .Append("Content-Type: application/http\r\n")
              .Append("Content-Transfer-Encoding: binary\r\n\r\n")
              .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
              .Append("Content-ID: ").Append(i + 1).Append("\r\n")
              .Append("Accept: application/json;odata=minimalmetadata\r\n")
              .Append("DataServiceVersion: 3.0\r\n");
            if (conditional)
            {
                sb.Append("If-Match: ").Append((a.IfMatch ?? ETag.All).ToString("H")).Append("\r\n");
            }
            if (a.ActionType == TableTransactionActionType.Delete)
            {
                sb.Append("\r\n");
                continue;
            }
            sb.Append("Prefer: return-no-content\r\n")
              .Append("Content-Type: application/json\r\n\r\n")
              .Append(Encoding.UTF8.GetString(TableJson.Serialize(a.Entity))).Append("\r\n");
        }
        sb.Append("--").Append(changeset).Append("--\r\n")
          .Append("--").Append(batch).Append("--\r\n");
        byte[] body = Encoding.UTF8.GetBytes(sb.ToString());
        if (body.Length > MaxBodyBytes)
        {
            throw new ArgumentException($"The transaction body is {body.Length} bytes; the limit is 4 MiB.", nameof(actions));
        }
        return (body, "multipart/mixed; boundary=" + batch);
    }

    /// <summary>
    /// Returns one ETag (or null for deletes) per action, or throws <see cref="TableTransactionFailedException"/>
    /// for the first failed part. The service prefixes the failing index to the message ("2:The specified...").
    /// </summary>
    public static IReadOnlyList<ETag?> ReadResponse(string body, int actionCount)
    {
        var parts = StatusLine().Matches(body).Select(m => (Index: m.Index, Status: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).ToList();
        for (int p = 0; p < parts.Count; p++)
        {
            if (parts[p].Status < 400)
            {
                continue;
            }
            int end = p + 1 < parts.Count ? parts[p + 1].Index : body.Length;
            string part = body[parts[p].Index..end];
            (string? code, string? message) = ReadError(part);
            int? index = null;
            if (message is not null && IndexPrefix().Match(message) is { Success: true } m)
            {
                index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                message = message[m.Length..];
            }
            else if (parts.Count == actionCount)
            {
                index = p;
            }
            throw new TableTransactionFailedException(
                $"Table transaction failed at action {(index?.ToString(CultureInfo.InvariantCulture) ?? "?")} with {parts[p].Status} {code}: {message}",
                parts[p].Status, code, index);
        }
        if (parts.Count != actionCount)
        {
            throw new StorageException($"Table transaction response had {parts.Count} results for {actionCount} actions.", 0, "UnexpectedBatchResponse");
        }
        var etags = new List<ETag?>(actionCount);
        for (int p = 0; p < parts.Count; p++)
        {
            int end = p + 1 < parts.Count ? parts[p + 1].Index : body.Length;
            Match etag = ETagHeader().Match(body, parts[p].Index, end - parts[p].Index);
            etags.Add(etag.Success ? ETagParser.Parse(etag.Groups[1].Value) : null);
        }
        return etags;
    }

    private static (string? Code, string? Message) ReadError(string part)
    {
        int json = part.IndexOf('{', StringComparison.Ordinal);
        int last = part.LastIndexOf('}');
        if (json < 0 || last < json)
        {
            return (null, null);
        }
        try
        {
            using JsonDocument doc = JsonDocument.Parse(part[json..(last + 1)]);
            if (doc.RootElement.TryGetProperty("odata.error", out JsonElement err))
            {
                string? code = err.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
                string? msg = err.TryGetProperty("message", out JsonElement m)
                    ? (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out JsonElement v) ? v.GetString() : m.ToString())
                    : null;
                return (code, msg);
            }
        }
        catch (JsonException)
        {
            // Fall through: status alone still identifies the failure.
        }
        return (null, null);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^ETag:\s*(.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ETagHeader();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
