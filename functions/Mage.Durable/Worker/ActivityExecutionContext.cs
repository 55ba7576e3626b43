namespace Mage.Durable.Worker;

/// <summary>Activity context bound to one leased work item.</summary>
internal sealed class ActivityExecutionContext(
    string instanceId,
    string name,
    CancellationToken cancellationToken,
    Func<Task> heartbeat) : TaskActivityContext
{
    public override string InstanceId => instanceId;

    public override string Name => name;

    public override CancellationToken CancellationToken => cancellationToken;

    public override Task HeartbeatAsync() => heartbeat();
}
