namespace Mage.Durable;

/// <summary>Untyped activity contract used by the worker; implement <see cref="TaskActivity{TInput,TOutput}"/> instead.</summary>
public interface ITaskActivity
{
    /// <summary>Type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>Declared output type.</summary>
    Type OutputType { get; }

    /// <summary>Runs the activity with an already deserialized input.</summary>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}
