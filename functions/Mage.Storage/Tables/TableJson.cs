using System.Globalization;
using System.Text.Json;
using Azure;

namespace Mage.Storage.Tables;

/// <summary>OData JSON for entities: types that JSON cannot carry get <c>@odata.type</c> annotations.</summary>
internal static class TableJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("PartitionKey", entity.PartitionKey);
            w.WriteString("RowKey", entity.RowKey);
            foreach ((string name, object? value) in entity.Properties)
            {
                WriteProperty(w, name, value);
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                w.WriteString(name, s);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case long l:
                // Int64 travels as a string: JSON numbers lose precision above 2^53 in many parsers.
                w.WriteString(name + TypeSuffix, "Edm.Int64");
                w.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                w.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d))
                {
                    w.WriteNumber(name, d);
                }
                else
                {
                    w.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }
                break;
            case bool b:
                w.WriteBoolean(name, b);
                break;
            case DateTimeOffset d:
                w.WriteString(name + TypeSuffix, "Edm.DateTime");
                w.WriteString(name, d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                break;
            case Guid g:
                w.WriteString(name + TypeSuffix, "Edm.Guid");
                w.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                w.WriteString(name + TypeSuffix, "Edm.Binary");
                w.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(value));
        }
    }

    public static TableEntity Parse(JsonElement json, ETag? etagHeader = null)
    {
        var entity = new TableEntity(
            json.TryGetProperty("PartitionKey", out JsonElement pk) ? pk.GetString() ?? "" : "",
            json.TryGetProperty("RowKey", out JsonElement rk) ? rk.GetString() ?? "" : "");
        if (json.TryGetProperty("odata.etag", out JsonElement etag) && etag.GetString() is { } e)
        {
            entity.ETag = ETagParser.Parse(e);
        }
        else if (etagHeader is { } h)
        {
            entity.ETag = h;
        }
        foreach (JsonProperty p in json.EnumerateObject())
        {
            if (p.Name is "PartitionKey" or "RowKey" || p.Name.Contains('@', StringComparison.Ordinal) || p.Name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }
            string? type = json.TryGetProperty(p.Name + TypeSuffix, out JsonElement t) ? t.GetString() : null;
            if (p.Name == "Timestamp")
            {
                entity.Timestamp = ParseDate(p.Value.GetString()!);
                continue;
            }
            entity[p.Name] = ReadValue(p.Value, type);
        }
        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type) => type switch
    {
        _ when value.ValueKind == JsonValueKind.Null => null,
        "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String ? ParseSpecialDouble(value.GetString()!) : value.GetDouble(),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.String" => value.GetString(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out int i) && !value.GetRawText().Contains('.', StringComparison.Ordinal) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        },
    };

    private static double ParseSpecialDouble(string s) => s switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDate(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
