using System.Text;

namespace Mage.Builds.Records;

/// <summary>
/// Opaque, URL-safe continuation tokens for list routes: the table service's own token, base64url
/// encoded with a version prefix. Bad tokens are a clear <see cref="FormatException"/> rather than a 500.
/// </summary>
public static class ContinuationTokens
{
    private const string Prefix = "v1:";

    /// <summary>Encodes a table continuation; null stays null.</summary>
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + token))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a token made by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The token was not made by <see cref="Encode"/>.</exception>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        const string problem = "continuationToken is not one this API issued; pass back the value from the previous page unchanged.";
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length > Prefix.Length
                ? text[Prefix.Length..]
                : throw new FormatException(problem);
        }
        catch (FormatException ex) when (ex.Message != problem)
        {
            throw new FormatException(problem, ex);
        }
    }
}
