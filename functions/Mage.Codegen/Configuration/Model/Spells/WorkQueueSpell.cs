namespace Mage.Codegen.Configuration;

/// <summary><c>work-queue</c>: a bounded in-memory queue with background workers.</summary>
/// <param name="Capacity">Most items waiting (default 100).</param>
/// <param name="Workers">Items processed at once (default 1).</param>
/// <param name="WhenFull">What adding to a full queue does (default wait).</param>
public sealed record WorkQueueSpell(int Capacity, int Workers, WorkQueueFullMode WhenFull);
