using Azure;

namespace Mage.Storage.Tables;

/// <summary>
/// A table row: keys, system properties and typed user properties. Allowed property values: string, int,
/// long, double, bool, DateTimeOffset (DateTime is converted to UTC), Guid, byte[] and null (null = omit).
/// Not thread-safe (a plain mutable value).
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with the given keys (validated when sent).</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>Partition key (≤ 1 KiB, no '/', '\', '#', '?', control characters).</summary>
    public string PartitionKey { get; set; }

    /// <summary>Row key (same rules as <see cref="PartitionKey"/>).</summary>
    public string RowKey { get; set; }

    /// <summary>ETag from the service; pass it back to update/delete conditionally.</summary>
    public ETag ETag { get; set; }

    /// <summary>Server-maintained last-modified time (read-only on the service).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>User properties by name.</summary>
    public IReadOnlyDictionary<string, object?> Properties => _properties;

    /// <summary>Gets or sets a property; setting validates the value's type. Reading a missing name gives null.</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set => _properties[TableEntityRules.ValidateName(name)] = TableEntityRules.Normalize(name, value);
    }

    /// <summary>Removes a property; returns false when absent.</summary>
    public bool Remove(string name) => _properties.Remove(name);

    /// <summary>String value or null.</summary>
    public string? GetString(string name) => Get<string>(name);

    /// <summary>Int32 value or null (an Int64 that fits is converted).</summary>
    public int? GetInt32(string name) => this[name] switch { null => null, int i => i, long l => checked((int)l), var o => throw WrongType<int>(name, o) };

    /// <summary>Int64 value or null (an Int32 is widened).</summary>
    public long? GetInt64(string name) => this[name] switch { null => null, long l => l, int i => i, var o => throw WrongType<long>(name, o) };

    /// <summary>Double value or null (integers are widened: the service may return whole doubles untyped).</summary>
    public double? GetDouble(string name) => this[name] switch { null => null, double d => d, int i => i, long l => l, var o => throw WrongType<double>(name, o) };

    /// <summary>Boolean value or null.</summary>
    public bool? GetBoolean(string name) => this[name] switch { null => null, bool b => b, var o => throw WrongType<bool>(name, o) };

    /// <summary>DateTimeOffset (UTC) value or null.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] switch { null => null, DateTimeOffset d => d, var o => throw WrongType<DateTimeOffset>(name, o) };

    /// <summary>Guid value or null.</summary>
    public Guid? GetGuid(string name) => this[name] switch { null => null, Guid g => g, var o => throw WrongType<Guid>(name, o) };

    /// <summary>Binary value or null.</summary>
    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    private T? Get<T>(string name) where T : class => this[name] switch { null => null, T t => t, var o => throw WrongType<T>(name, o) };

    private static InvalidCastException WrongType<T>(string name, object value) =>
        new($"Property '{name}' holds {value.GetType().Name}, not {typeof(T).Name}.");
}
