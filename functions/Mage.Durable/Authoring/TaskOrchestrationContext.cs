using Microsoft.Extensions.Logging;

namespace Mage.Durable;

/// <summary>
/// The orchestrator's view of the durable runtime. Every member must be called from the
/// orchestrator's own flow (the engine's single-threaded scheduler); calls from other threads
/// throw <see cref="InvalidOperationException"/>. Each durable call (activity, timer) takes the
/// next sequence id; replay matches history against those ids, so the order of calls must not
/// depend on anything but inputs and durable results.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>Registered name of the orchestrator.</summary>
    public abstract string Name { get; }

    /// <summary>Id of this orchestration instance.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Replay-safe "now": the time the current episode started, identical on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the engine re-executes code for events already in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>
    /// Schedules activity <paramref name="name"/> and returns its deserialized result. A failure
    /// (after the retries in <paramref name="options"/>) throws <see cref="TaskFailedException"/>.
    /// </summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity and ignores its result.</summary>
    public virtual Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>
    /// Creates a durable timer that completes at <paramref name="fireAtUtc"/>. Cancelling
    /// <paramref name="cancellationToken"/> cancels the task (the await throws
    /// <see cref="TaskCanceledException"/>) and the later timer message is ignored.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires <paramref name="delay"/> after <see cref="CurrentUtcDateTime"/>.</summary>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>
    /// Waits for an external event raised through <see cref="DurableTaskClient.RaiseEventAsync"/>.
    /// Names are case-insensitive. Events raised before the wait are buffered; each event completes
    /// exactly one waiter, in arrival order.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Sets the custom status stored with the instance at the next checkpoint (JSON-serialized).</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Returns a GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>Returns a logger that writes nothing while <see cref="IsReplaying"/> is true.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>Returns a replay-safe logger whose category is <typeparamref name="T"/>.</summary>
    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
