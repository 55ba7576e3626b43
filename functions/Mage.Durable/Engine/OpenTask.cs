namespace Mage.Durable.Engine;

/// <summary>A durable call awaiting its completion event.</summary>
/// <param name="Name">Activity name, or "timer".</param>
/// <param name="Completion">Completed with the serialized result (null for timers).</param>
internal sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);
