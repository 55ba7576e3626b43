using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Mage.Builds.Durable;

/// <summary>
/// The JSON format of orchestration and activity inputs and outputs, as kept in the engine's
/// history: web defaults (camelCase), enums as names, nulls left out. The worker and the client
/// must use the same converter, so both take <see cref="Converter"/>.
/// </summary>
public static class BuildPayloads
{
    /// <summary>Serializer options of every payload.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The converter for <c>DurableTaskWorkerOptions.DataConverter</c> and the client.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
