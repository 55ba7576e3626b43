using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Testing;

namespace Mage.Builds.Tests.Drivers;

/// <summary>A work root, a registry with a one-second grace, and both workspace drivers over them.</summary>
internal sealed class DriverFixture : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly TempFolder root = new();

    public DriverFixture()
    {
        Registry = new RunningJobRegistry(Grace);
        var options = new DriverOptions { WorkRoot = Path.Combine(root.Path, "work") };
        Local = new LocalDriver(options, Registry, new JobProcess(Registry));
        Sandbox = new SandboxDriver(options, Registry, new JobProcess(Registry));
    }

    public RunningJobRegistry Registry { get; }

    public LocalDriver Local { get; }

    public SandboxDriver Sandbox { get; }

    public static string NewBuildId() => "b-" + Guid.NewGuid().ToString("N")[..10];

    public static JobRunRequest Job(string commands, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        new("test job", "#!/bin/sh\nexec 2>&1\nset -ex\n\n" + commands + "\n", environment ?? new Dictionary<string, string>(), timeout);

    public void Dispose() => root.Dispose();
}
