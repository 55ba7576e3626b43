namespace Mage.Durable;

/// <summary>
/// Base class of an activity: the unit of real work (I/O) called from orchestrators.
/// Delivery is at-least-once: the same call can run more than once (worker crash, lease expiry,
/// duplicate message), so activities that touch the outside world must be idempotent.
/// A new instance is resolved from DI in its own scope for every execution.
/// </summary>
/// <typeparam name="TInput">Input type (deserialized from JSON).</typeparam>
/// <typeparam name="TOutput">Output type (serialized to JSON).</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    Type ITaskActivity.OutputType => typeof(TOutput);

    /// <summary>The activity body. Exceptions become <see cref="TaskFailedException"/> in the orchestrator.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input)
    {
        TOutput output = await RunAsync(context, input is null ? default! : (TInput)input);
        return output;
    }
}
