// The README's C# verification example, compiled and run by the tests. ReadmeExampleTests checks
// that README.md holds the text between the markers verbatim, so the two cannot drift apart.
using System.Security.Cryptography;
using System.Text;

namespace Mage.Webhooks.Tests;

// README:begin
static class StandardWebhookVerifier
{
    // secret: "whsec_…" as shown once; id, timestamp, signature: the webhook-id,
    // webhook-timestamp and webhook-signature headers; body: the raw request bytes.
    public static bool IsValid(string secret, string id, string timestamp, byte[] body, string signature, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false; // too old or too new: a replay
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
// README:end
