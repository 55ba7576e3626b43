using Microsoft.DurableTask;

namespace Mage.Testing;

/// <summary>The context an activity gets from the durable worker, for calling an activity directly.</summary>
public sealed class TestActivityContext(string instanceId, string name) : TaskActivityContext
{
    public override string InstanceId => instanceId;

    public override TaskName Name => name;
}
