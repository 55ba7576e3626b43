namespace Mage.Durable.Tests.Orchestrations;

public sealed record EventInput(int Count, TimeSpan SleepFirst);
