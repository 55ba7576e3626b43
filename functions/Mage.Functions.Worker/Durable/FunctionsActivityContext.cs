using Microsoft.DurableTask;

namespace Mage.Functions.Worker.Durable;

/// <summary>
/// The <see cref="TaskActivityContext"/> an activity class gets when an activity trigger runs it:
/// the activity's name and its orchestration's instance id, the same two facts the standalone
/// engine's shim gives it.
/// </summary>
public sealed class FunctionsActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
