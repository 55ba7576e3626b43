using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mage.Manifests;

/// <summary>The JSON form of an <see cref="ExecutionPlan"/>: camelCase, indented, enums as strings.</summary>
public static class ExecutionPlanJson
{
    /// <summary>Options used for plans (web defaults: camelCase names).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Plans are stored and read by services, never embedded in HTML: keep scripts legible (2>&1, not 2\u003E\u00261).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes <paramref name="plan"/>.</summary>
    public static string Serialize(ExecutionPlan plan) => JsonSerializer.Serialize(plan, Options);

    /// <summary>Reads a plan written by <see cref="Serialize"/>.</summary>
    public static ExecutionPlan Deserialize(string json) =>
        JsonSerializer.Deserialize<ExecutionPlan>(json, Options) ?? throw new JsonException("the JSON holds no plan");
}
