using System.Globalization;

namespace Mage.Durable.Worker;

/// <summary>Settings of a <see cref="DurableTaskWorker"/>. Read once at start.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Unique worker id; its affinity queue is derived from it. Default: machine name plus a random suffix.</summary>
    public string WorkerId { get; set; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName.ToLowerInvariant()}-{Random.Shared.Next():x8}");

    /// <summary>Episodes processed at once (distinct instances). Default: processor count, at least 2.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Activities executed at once. Default: 8 per processor.</summary>
    public int MaxConcurrentActivities { get; set; } = 8 * Environment.ProcessorCount;

    /// <summary>Lease on an instance's control messages while an episode runs. Default 5 minutes.</summary>
    public TimeSpan OrchestrationLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lease on an activity work item; extend it with <see cref="TaskActivityContext.HeartbeatAsync"/>. Default 5 minutes.</summary>
    public TimeSpan ActivityLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long stop waits for in-flight activities before cancelling and abandoning them. Default 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Keep orchestrator state in memory between episodes instead of replaying history each time. Default true.</summary>
    public bool ExtendedSessions { get; set; } = true;

    /// <summary>Upper bound of cached sessions; beyond it, arbitrary sessions are evicted (they replay later). Default 10,000.</summary>
    public int MaxCachedSessions { get; set; } = 10_000;

    /// <summary>
    /// Longest a message may be postponed because the history it refers to is not visible yet (a race
    /// between workers); after that many deferrals it is dropped. Default 50.
    /// </summary>
    public int MaxMessageDeferrals { get; set; } = 50;

    /// <summary>The affinity queue name for a worker id: lower case, letters, digits and dashes only (Azure queue rules).</summary>
    public static string QueueNameFor(string workerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        var chars = workerId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        string name = "worker-" + new string(chars).Trim('-');
        return name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }
}
