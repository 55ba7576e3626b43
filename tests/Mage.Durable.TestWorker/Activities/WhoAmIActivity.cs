namespace Mage.Durable.TestWorker.Activities;

/// <summary>Returns the affinity queue of the worker that runs it (as CreateDriver does for builds).</summary>
public sealed class WhoAmIActivity(IDurableWorkerIdentity identity) : TaskActivity<object?, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, object? input) => Task.FromResult(identity.QueueName);
}
