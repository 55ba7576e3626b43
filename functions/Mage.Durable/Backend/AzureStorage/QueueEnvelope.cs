using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// Text of every queue message: the engine's body (or a payload blob reference) plus the due time measured
/// with the backend's TimeProvider and a count of early surfacings, so that delays longer than a queue allows
/// and clocks other than the system clock both work.
/// </summary>
internal sealed record QueueEnvelope
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Due time, Unix milliseconds on the backend clock. Delivered only at or after it.</summary>
    [JsonPropertyName("v")]
    public long VisibleAtMs { get; init; }

    /// <summary>
    /// Correction to the queue's dequeue count: how often the message surfaced before its due time and was hidden
    /// again (not real deliveries), minus one when this process delivered it once without a receive (hand-off).
    /// </summary>
    [JsonPropertyName("e")]
    public int Early { get; init; }

    /// <summary>Instance id (control messages).</summary>
    [JsonPropertyName("i")]
    public string? InstanceId { get; init; }

    /// <summary>The engine's message, when inline.</summary>
    [JsonPropertyName("b")]
    public string? Body { get; init; }

    /// <summary>Payload blob holding the engine's message, when too large for the queue.</summary>
    [JsonPropertyName("r")]
    public string? BlobName { get; init; }

    [JsonIgnore]
    public DateTimeOffset VisibleAt => DateTimeOffset.FromUnixTimeMilliseconds(VisibleAtMs);

    public string ToText() => JsonSerializer.Serialize(this, Json);

    public static QueueEnvelope Parse(string text) =>
        JsonSerializer.Deserialize<QueueEnvelope>(text, Json) ?? throw new FormatException("Empty queue envelope.");
}
