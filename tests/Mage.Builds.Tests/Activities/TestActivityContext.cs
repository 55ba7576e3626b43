using Microsoft.DurableTask;

namespace Mage.Builds.Tests.Activities;

/// <summary>The context an activity gets from the durable worker, for calling an activity directly.</summary>
internal sealed class TestActivityContext(string instanceId, string name) : TaskActivityContext
{
    public override string InstanceId => instanceId;

    public override TaskName Name => name;
}
