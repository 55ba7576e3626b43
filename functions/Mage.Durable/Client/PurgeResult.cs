namespace Mage.Durable;

/// <summary>Outcome of a purge.</summary>
/// <param name="PurgedInstanceCount">Number of instances deleted (0 when absent or still running).</param>
public sealed record PurgeResult(int PurgedInstanceCount);
