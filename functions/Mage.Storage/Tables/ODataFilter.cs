using System.Globalization;

namespace Mage.Storage.Tables;

/// <summary>
/// Safe OData filter building: values become typed literals with quotes doubled, so user input never
/// changes a filter's structure. Example: <c>ODataFilter.Create($"PartitionKey eq {pk} and Attempt gt {3L}")</c>.
/// </summary>
public static class ODataFilter
{
    /// <summary>Formats a filter, turning every interpolated value into an escaped literal via <see cref="Literal"/>.</summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        object?[] args = filter.GetArguments().Select(a => (object?)Literal(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>A quoted string literal: <c>it's</c> becomes <c>'it''s'</c>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary><c>PartitionKey eq '...'</c>.</summary>
    public static string PartitionKeyEquals(string partitionKey) => "PartitionKey eq " + Quote(partitionKey);

    /// <summary>The OData literal for a value of any supported table type.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var r && (r.Contains('.', StringComparison.Ordinal) || r.Contains('E', StringComparison.Ordinal)) ? r : r + ".0",
        Guid g => "guid'" + g.ToString("D") + "'",
        DateTimeOffset d => "datetime'" + d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + "'",
        DateTime d => Literal(new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d)),
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"Type {value.GetType().Name} cannot be used in a table filter.", nameof(value)),
    };
}
