using Mage.Testing;

namespace Mage.Functions.Tests.Infrastructure;

/// <summary>The app on Azurite with one fresh service and an admin client: the start of every build test.</summary>
public sealed class BuildScenario : IAsyncDisposable
{
    private BuildScenario(MageAppFactory app, BuildApi api, string service) => (App, Api, Service) = (app, api, service);

    /// <summary>The running app.</summary>
    public MageAppFactory App { get; }

    /// <summary>Admin client on the build routes.</summary>
    public BuildApi Api { get; }

    /// <summary>A service that exists, unique to this scenario.</summary>
    public string Service { get; }

    /// <summary>Starts the app (with <paramref name="overrides"/> of its settings) and creates the service.</summary>
    public static async Task<BuildScenario> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var app = await MageAppFactory.CreateAsync(overrides);
        var api = new BuildApi(app.CreateAdminClient());
        var service = TestNames.Unique("svc");
        await api.CreateServiceAsync(service);
        return new BuildScenario(app, api, service);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
