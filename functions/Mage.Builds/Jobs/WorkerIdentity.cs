using System.Globalization;
using System.Security.Cryptography;

namespace Mage.Builds.Jobs;

/// <summary>
/// Who this app process is among the workers of a task hub: the machine, the process id and a
/// random part (a restarted process, even with a recycled pid, is a new worker). Written into the
/// claim of every job this process runs and into the job's log. One per process (a DI singleton).
/// </summary>
public sealed class WorkerIdentity
{
    /// <summary>The identity of this process.</summary>
    public WorkerIdentity()
        : this(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"))
    {
    }

    /// <summary>An explicit identity (tests that play several workers in one process).</summary>
    public WorkerIdentity(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Machine, process id and a random part, e.g. <c>build-vm-4121-9f03ac</c>.</summary>
    public string Id { get; }
}
