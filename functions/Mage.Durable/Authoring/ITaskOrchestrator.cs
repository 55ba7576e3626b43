namespace Mage.Durable;

/// <summary>Untyped orchestrator contract used by the engine; implement <see cref="TaskOrchestrator{TInput,TOutput}"/> instead.</summary>
public interface ITaskOrchestrator
{
    /// <summary>Type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>Declared output type.</summary>
    Type OutputType { get; }

    /// <summary>Runs the orchestrator with an already deserialized input.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
