using System.Text;
using System.Text.Json;

namespace Mage.Testing;

/// <summary>One request a <see cref="WebhookReceiver"/> got. Immutable.</summary>
/// <param name="At">Arrival (wall clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Headers">Headers, names lowercased.</param>
/// <param name="Body">The exact body bytes.</param>
public sealed record ReceivedWebhook(DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    /// <summary>The body as text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON (the caller disposes).</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body);
}
