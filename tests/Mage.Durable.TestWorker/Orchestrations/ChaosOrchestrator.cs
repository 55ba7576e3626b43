using Mage.Durable.TestWorker.Activities;

namespace Mage.Durable.TestWorker.Orchestrations;

/// <summary>
/// Every kind of durable step in one instance: a fan-out/fan-in of recorded activities (keys f0..), a durable
/// timer, an external event "go", then a sequence of recorded activities (keys s0..). The output lists the
/// receipt of each result used, so a test can prove that each call's result was applied exactly once.
/// </summary>
public sealed class ChaosOrchestrator : TaskOrchestrator<ChaosInput, ChaosOutput>
{
    /// <summary>Name of the external event the orchestration waits for after its timer.</summary>
    public const string GoEvent = "go";

    public override async Task<ChaosOutput> RunAsync(TaskOrchestrationContext context, ChaosInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var fanOut = new List<Task<ActivityReceipt>>(input.FanOut);
        for (int i = 0; i < input.FanOut; i++)
        {
            fanOut.Add(context.CallActivityAsync<ActivityReceipt>(nameof(RecordExecutionActivity), new RecordRequest($"f{i}", i + 1)));
        }

        var receipts = new List<ActivityReceipt>(await Task.WhenAll(fanOut));
        await context.CreateTimer(TimeSpan.FromSeconds(input.TimerSeconds), CancellationToken.None);
        string received = await context.WaitForExternalEvent<string>(GoEvent);
        for (int i = 0; i < input.Sequential; i++)
        {
            receipts.Add(await context.CallActivityAsync<ActivityReceipt>(nameof(RecordExecutionActivity), new RecordRequest($"s{i}", 100 + i)));
        }

        return new ChaosOutput(receipts, received);
    }
}
