using Mage.Azurite;

namespace Mage.Testing;

/// <summary>
/// One Azurite per test process: started lazily on free ports with in-memory persistence, shared by all
/// tests, killed at process exit (ProcessExit handler, plus the launcher's watchdog if the process dies hard).
/// A failed start is remembered, so every test fails fast with the same clear error instead of retrying.
/// </summary>
public sealed class TestAzurite
{
    private static readonly Lazy<Task<TestAzurite>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private TestAzurite(AzuriteLauncher launcher)
    {
        Launcher = launcher;
        ConnectionString = launcher.ConnectionString;
    }

    /// <summary>The running emulator.</summary>
    public AzuriteLauncher Launcher { get; }

    /// <summary>Connection string with the development key for this emulator's ports.</summary>
    public string ConnectionString { get; }

    /// <summary>Returns the process-wide emulator, starting it on first use.</summary>
    public static Task<TestAzurite> GetAsync() => Instance.Value;

    private static async Task<TestAzurite> StartAsync()
    {
        AzuriteLauncher launcher = await AzuriteLauncher.StartAsync(AzuriteOptions.Ephemeral(RepositoryRoot.InfraLocal)).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => launcher.Kill();
        return new TestAzurite(launcher);
    }
}
