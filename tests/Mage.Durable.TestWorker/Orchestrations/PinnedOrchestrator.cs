using Mage.Durable.TestWorker.Activities;

namespace Mage.Durable.TestWorker.Orchestrations;

/// <summary>
/// The build orchestrator's driver pattern: the first call (shared queue) names a worker's queue; after the
/// event "proceed", a call pinned to that queue races a durable timer of <c>input</c> seconds. Returns
/// <c>ran:&lt;queue that ran it&gt;</c>, or <c>lost:&lt;pinned queue&gt;</c> when the timer won (the worker is gone).
/// </summary>
public sealed class PinnedOrchestrator : TaskOrchestrator<int, string>
{
    /// <summary>Name of the external event that lets the pinned call go out.</summary>
    public const string ProceedEvent = "proceed";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        string queue = await context.CallActivityAsync<string>(nameof(WhoAmIActivity));
        context.SetCustomStatus(queue);
        await context.WaitForExternalEvent<string>(ProceedEvent);

        using var cancelTimer = new CancellationTokenSource();
        Task bound = context.CreateTimer(TimeSpan.FromSeconds(input), cancelTimer.Token);
        Task<string> pinned = context.CallActivityAsync<string>(nameof(WhoAmIActivity), null, TaskOptions.ForQueue(queue));
        if (await Task.WhenAny(pinned, bound) == pinned)
        {
            cancelTimer.Cancel(); // synchronous: callbacks must run on the orchestration thread
            return "ran:" + await pinned;
        }

        return "lost:" + queue;
    }
}
