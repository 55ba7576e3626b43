using System.Text;

namespace Mage.Storage.Tables;

/// <summary>Table service limits, checked before sending so callers get an ArgumentException, not a 400.</summary>
internal static class TableEntityRules
{
    public const int MaxKeyChars = 1024;
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxUserProperties = 252;

    public static string ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 255 || name is "PartitionKey" or "RowKey" or "Timestamp" || name.Contains('@', StringComparison.Ordinal)
            || name.StartsWith("odata.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' cannot be used as a property name (reserved, contains '@' or longer than 255).", nameof(name));
        }
        return name;
    }

    public static object? Normalize(string name, object? value) => value switch
    {
        null or string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}; use string, int, long, double, bool, DateTimeOffset, Guid or byte[].", nameof(value)),
    };

    public static void ValidateKey(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyChars)
        {
            throw new ArgumentException($"{paramName} is {key.Length} characters; the limit is {MaxKeyChars}.", paramName);
        }
        foreach (char c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{paramName} cannot contain '/', '\\', '#', '?' or control characters.", paramName);
            }
        }
    }

    public static void ValidateTableName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table name '{name}' must be 3-63 ASCII letters and digits, starting with a letter.", nameof(name));
        }
    }

    /// <summary>Checks keys, per-property and whole-entity sizes using the service's documented size formula.</summary>
    public static void Validate(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        if (entity.Properties.Count > MaxUserProperties)
        {
            throw new ArgumentException($"An entity holds at most {MaxUserProperties} user properties.", nameof(entity));
        }
        long size = 4 + (entity.PartitionKey.Length + 1) * 2 + (entity.RowKey.Length + 1) * 2;
        foreach ((string name, object? value) in entity.Properties)
        {
            long valueSize = value switch
            {
                null => 0,
                string s => 4 + (long)s.Length * 2,
                byte[] b => 4 + b.Length,
                bool => 1,
                Guid => 16,
                _ => 8,
            };
            if (value is string or byte[] && valueSize - 4 > MaxPropertyBytes)
            {
                throw new ArgumentException($"Property '{name}' is {valueSize - 4} bytes; string (UTF-16) and binary properties are limited to 64 KiB.", nameof(entity));
            }
            size += 8 + (name.Length + 1) * 2 + valueSize;
        }
        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is about {size} bytes; the limit is 1 MiB.", nameof(entity));
        }
    }

    /// <summary>The entity address segment: keys with quotes doubled, then percent-escaped.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        new StringBuilder(table).Append("(PartitionKey='").Append(Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal)))
            .Append("',RowKey='").Append(Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))).Append("')").ToString();
}
