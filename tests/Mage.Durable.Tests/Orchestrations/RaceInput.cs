namespace Mage.Durable.Tests.Orchestrations;

/// <param name="Activity">Activity to race against the timer.</param>
/// <param name="Timeout">Timer length.</param>
public sealed record RaceInput(string Activity, TimeSpan Timeout);
