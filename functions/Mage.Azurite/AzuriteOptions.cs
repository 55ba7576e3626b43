namespace Mage.Azurite;

/// <summary>How to start Azurite.</summary>
public sealed record AzuriteOptions
{
    /// <summary>The folder holding package.json / package-lock.json that pin Azurite (repository's infra/local).</summary>
    public required string InfraLocalPath { get; init; }

    /// <summary>Where Azurite keeps its data (and debug files). Required unless <see cref="InMemoryPersistence"/>.</summary>
    public string? DataPath { get; init; }

    /// <summary>Keep all data in memory (fast, nothing survives a restart); <see cref="DataPath"/> is then ignored.</summary>
    public bool InMemoryPersistence { get; init; }

    /// <summary>Interface to listen on; default loopback.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Blob port; 0 picks a free port.</summary>
    public int BlobPort { get; init; } = 10000;

    /// <summary>Queue port; 0 picks a free port.</summary>
    public int QueuePort { get; init; } = 10001;

    /// <summary>Table port; 0 picks a free port.</summary>
    public int TablePort { get; init; } = 10002;

    /// <summary>How long to wait for all three ports to answer.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>npm ci</c> may take (including waiting for another process's install).</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Called just before this process installs Azurite (the first start on a machine takes about 15 s
    /// longer), so the caller can log why. Not called when Azurite is installed already.
    /// </summary>
    public Action<AzuriteInstallNotice>? Installing { get; init; }

    /// <summary>
    /// The process whose death makes the watchdog kill Azurite; default this process. Exposed so tests can
    /// prove the watchdog with a stand-in parent.
    /// </summary>
    public int? ParentProcessId { get; init; }

    /// <summary>Options for <see cref="AzuriteLauncher"/> on free ports with in-memory persistence (tests).</summary>
    public static AzuriteOptions Ephemeral(string infraLocalPath) => new()
    {
        InfraLocalPath = infraLocalPath,
        InMemoryPersistence = true,
        BlobPort = 0,
        QueuePort = 0,
        TablePort = 0,
    };
}
