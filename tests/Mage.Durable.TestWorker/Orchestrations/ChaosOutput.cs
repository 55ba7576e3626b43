using Mage.Durable.TestWorker.Activities;

namespace Mage.Durable.TestWorker.Orchestrations;

/// <summary>The receipt of every activity result the orchestration used (one per call key) and the event it received.</summary>
public sealed record ChaosOutput(List<ActivityReceipt> Receipts, string Event);
