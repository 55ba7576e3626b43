namespace Mage.Durable;

/// <summary>
/// Base class of an orchestrator. The engine replays <see cref="RunAsync"/> from history many
/// times, so the body must be deterministic: use <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>
/// and <see cref="TaskOrchestrationContext.NewGuid"/>, never DateTime.UtcNow, Guid.NewGuid, Task.Delay,
/// Task.Run or ConfigureAwait(false); do all I/O in activities. Reordering or inserting durable calls
/// breaks instances already running: version the orchestrator by name instead.
/// </summary>
/// <typeparam name="TInput">Input type (deserialized from JSON).</typeparam>
/// <typeparam name="TOutput">Output type (serialized to JSON).</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    /// <summary>The orchestration body. Runs on the engine's single-threaded replay scheduler.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input)
    {
        // The continuation runs on the orchestration synchronization context; do not add ConfigureAwait(false).
        TOutput output = await RunAsync(context, input is null ? default! : (TInput)input);
        return output;
    }
}
