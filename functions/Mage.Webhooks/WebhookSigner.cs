using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mage.Webhooks;

/// <summary>
/// Signs and verifies Standard Webhooks v1 signatures: HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>v1,&lt;base64&gt;</c>. Pure; thread-safe.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The <c>webhook-signature</c> value for one attempt.</summary>
    public static string Sign(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var key = WebhookSecret.KeyOf(secret);
        try
        {
            return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, SignedContent(webhookId, timestamp, body)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// True when any <c>v1</c> entry of the space-separated <paramref name="signatureHeader"/> matches
    /// (compared in constant time), as a receiver checks it. The timestamp tolerance is the receiver's business.
    /// </summary>
    public static bool Verify(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Encoding.ASCII.GetBytes(Sign(secret, webhookId, timestamp, body));
        var match = false;
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            match |= entry.StartsWith("v1,", StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry), expected);
        }

        return match;
    }

    private static byte[] SignedContent(string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(webhookId + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }
}
