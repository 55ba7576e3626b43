using Azure;

namespace Mage.Storage;

/// <summary>
/// Normalises ETags: services quote them inconsistently (PUT vs HEAD, XML listings unquoted), so plain
/// quotes are stripped and weak tags (<c>W/"..."</c>, used by tables) are kept whole. Equal versions then compare equal.
/// </summary>
internal static class ETagParser
{
    public static ETag Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return default;
        }
        value = value.Trim();
        return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? new ETag(value[1..^1]) : new ETag(value);
    }
}
