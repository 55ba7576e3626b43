using Mage.Builds.Durable;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// DurableTask.Core's converter for <see cref="DurableTask.Core.TaskHubClient"/>, writing the same JSON as the
/// worker's shims (<see cref="BuildPayloads.Converter"/>), so inputs the client schedules read back in the orchestrator.
/// </summary>
internal sealed class CorePayloadConverter : DurableTask.Core.Serializing.DataConverter
{
    public override string Serialize(object value) => BuildPayloads.Converter.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => BuildPayloads.Converter.Deserialize(data, objectType)!;
}
