using Mage.Azurite;

namespace Mage.Functions.Hosting;

/// <summary>
/// With <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>, makes sure an Azurite answers on
/// the default ports: an emulator already listening is used as it is; otherwise Azurite is
/// installed if missing (<c>npm ci</c> in <c>infra/local</c>), started with its data under
/// <c>.mage/azurite</c>, and stopped last when the app stops.
/// </summary>
/// <remarks>
/// Registered before every other hosted service, so storage answers before workers poll it. Azurite
/// is stopped in <see cref="DisposeAsync"/>, not <see cref="StopAsync"/>: the durable backend hands its
/// work back (messages, leases) when the container disposes it, after every hosted service has
/// stopped, and the container disposes this service, created before the backend, after it.
/// </remarks>
internal sealed class LocalStorageHostedService(IConfiguration configuration, ILogger<LocalStorageHostedService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteLauncher? _launcher;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!StorageSettings.UsesDevelopmentStorage(configuration))
        {
            return;
        }

        var defaults = new AzuriteOptions { InfraLocalPath = string.Empty };
        var ports = new[] { defaults.BlobPort, defaults.QueuePort, defaults.TablePort };
        var listening = await Task.WhenAll(ports.Select(p => AzuriteLauncher.IsListeningAsync(defaults.Host, p, cancellationToken: cancellationToken)));
        if (listening.All(x => x))
        {
            Logs.AzuriteReused(logger, defaults.Host);
            return;
        }

        if (listening.Any(x => x))
        {
            throw new InvalidOperationException(
                $"Some Azurite ports on {defaults.Host} are in use and some are not (blob {ports[0]}: {Describe(listening[0])}, queue {ports[1]}: {Describe(listening[1])}, table {ports[2]}: {Describe(listening[2])}). Stop whatever holds them, or point AzureWebJobsStorage at a storage account.");
        }

        var root = AppRoot.Find();
        var dataPath = Path.Combine(root, ".mage", "azurite");
        Directory.CreateDirectory(dataPath);
        _launcher = await AzuriteLauncher.StartAsync(
            defaults with
            {
                InfraLocalPath = Path.Combine(root, "infra", "local"),
                DataPath = dataPath,
                Installing = notice => Logs.AzuriteInstalling(logger, notice.Version, Path.GetRelativePath(root, notice.Folder)),
            },
            cancellationToken);
        Logs.AzuriteStarted(logger, dataPath);
    }

    // Storage must outlive the services that hand work back to it on shutdown: see DisposeAsync.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _launcher, null) is { } launcher)
        {
            await launcher.DisposeAsync();
        }
    }

    private static string Describe(bool listening) => listening ? "in use" : "free";
}
