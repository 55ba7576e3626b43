namespace Mage.Durable;

/// <summary>Options for <see cref="DurableTaskClient.ScheduleNewOrchestrationInstanceAsync"/>.</summary>
/// <param name="InstanceId">Instance id chosen by the caller; null generates a new one.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null);
