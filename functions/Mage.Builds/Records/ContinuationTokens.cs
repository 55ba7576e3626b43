using System.Text;
using System.Text.Json;
using Mage.Storage.Tables;

namespace Mage.Builds.Records;

/// <summary>Opaque, URL-safe continuation tokens for list routes. Bad tokens decode to "start over" rather than a 500.</summary>
public static class ContinuationTokens
{
    /// <summary>Encodes a table continuation; null stays null.</summary>
    public static string? Encode(TableContinuationToken? token) =>
        token is null ? null : Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { token.NextPartitionKey, token.NextRowKey }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a token made by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The token was not made by <see cref="Encode"/>.</exception>
    public static TableContinuationToken? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = JsonSerializer.Deserialize<string?[]>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            return parts is [{ } pk, var rk] ? new TableContinuationToken(pk, rk) : throw new FormatException("continuationToken is not one this API issued.");
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new FormatException("continuationToken is not one this API issued; pass back the value from the previous page unchanged.", ex);
        }
    }
}
