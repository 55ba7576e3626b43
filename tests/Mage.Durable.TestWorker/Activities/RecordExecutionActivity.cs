namespace Mage.Durable.TestWorker.Activities;

/// <summary>Records its execution in the <see cref="ExecutionLog"/>, then returns the square of its number with the execution id.</summary>
public sealed class RecordExecutionActivity(ExecutionLog log, IDurableWorkerIdentity identity) : TaskActivity<RecordRequest, ActivityReceipt>
{
    public override async Task<ActivityReceipt> RunAsync(TaskActivityContext context, RecordRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        string executionId = await log.RecordAsync(context.InstanceId, input.Key, identity.WorkerId, context.CancellationToken);
        return new ActivityReceipt(input.Key, executionId, input.Number * input.Number);
    }
}
