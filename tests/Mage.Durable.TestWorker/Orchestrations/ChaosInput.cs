namespace Mage.Durable.TestWorker.Orchestrations;

/// <summary>Shape of one <see cref="ChaosOrchestrator"/> run.</summary>
public sealed record ChaosInput(int FanOut, int Sequential, int TimerSeconds);
