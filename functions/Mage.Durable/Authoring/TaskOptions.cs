namespace Mage.Durable;

/// <summary>Options for one durable activity call. Immutable.</summary>
/// <param name="Retry">Retry policy; null means a single attempt.</param>
/// <param name="TargetQueue">
/// Work-item queue to send the activity to, for worker affinity (see <see cref="IDurableWorkerIdentity.QueueName"/>);
/// null means the shared queue that every worker reads.
/// </param>
public sealed record TaskOptions(RetryPolicy? Retry = null, string? TargetQueue = null)
{
    /// <summary>Options with only a retry policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    /// <summary>Options that route the call to one worker's queue.</summary>
    public static TaskOptions ForQueue(string targetQueue) => new(null, targetQueue);
}
