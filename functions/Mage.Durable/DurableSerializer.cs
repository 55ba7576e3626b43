using System.Text.Json;
using System.Text.Json.Serialization;
using Mage.Durable.History;

namespace Mage.Durable;

/// <summary>
/// The one JSON format for payloads, history events and messages. Backends store the strings it
/// produces verbatim. Thread-safe.
/// </summary>
public static class DurableSerializer
{
    /// <summary>Options used for every payload, event and message.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a payload; null stays null.</summary>
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Deserializes a payload to <paramref name="type"/>; null or empty gives the default.</summary>
    public static object? Deserialize(string? json, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrEmpty(json))
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        return JsonSerializer.Deserialize(json, type, Options);
    }

    /// <summary>Deserializes a payload to <typeparamref name="T"/>.</summary>
    public static T Deserialize<T>(string? json) => (T)Deserialize(json, typeof(T))!;

    /// <summary>Serializes a history event (with its kind discriminator).</summary>
    public static string SerializeEvent(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, Options);

    /// <summary>Reads a history event written by <see cref="SerializeEvent"/>.</summary>
    public static HistoryEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new JsonException("Empty history event.");

    /// <summary>Serializes a control message.</summary>
    public static string SerializeMessage(OrchestrationMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Reads a control message.</summary>
    public static OrchestrationMessage DeserializeOrchestrationMessage(string json) =>
        JsonSerializer.Deserialize<OrchestrationMessage>(json, Options) ?? throw new JsonException("Empty control message.");

    /// <summary>Serializes an activity work item.</summary>
    public static string SerializeMessage(ActivityMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Reads an activity work item.</summary>
    public static ActivityMessage DeserializeActivityMessage(string json) =>
        JsonSerializer.Deserialize<ActivityMessage>(json, Options) ?? throw new JsonException("Empty work item.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Rows read back from a table may not keep the discriminator first.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
