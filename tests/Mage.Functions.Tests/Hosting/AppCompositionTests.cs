using Mage.Builds.Orchestration;
using Mage.Builds.Submission;
using Mage.CodeHosts;
using Mage.Codegen;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Tests.Infrastructure;
using Mage.Storage;
using Mage.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mage.Functions.Tests.Hosting;

/// <summary>
/// How the standalone app composes the domain projects: the build domain knows nothing of code
/// generation, so the app must plug Mage in at each seam.
/// </summary>
public sealed class AppCompositionTests
{
    [Fact]
    public async Task Services_StandaloneApp_PrepareBuildsTheMageWay()
    {
        await using var app = await MageAppFactory.CreateAsync();

        Assert.IsType<MageBuildPreparation>(app.Services.GetRequiredService<IBuildPreparation>());
    }

    [Fact]
    public async Task HostedServices_StandaloneApp_RunTheLoopsAndOneStorageInitializer()
    {
        await using var app = await MageAppFactory.CreateAsync();

        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        Assert.Contains(typeof(StrandedBuildRecovery), hosted);
        Assert.Contains(typeof(WebhookDispatcherService), hosted);
        Assert.Single(hosted, t => t.Name == "StorageInitializer");
    }

    [Fact]
    public async Task StorageSetups_StandaloneApp_IncludeEveryDomainProjectsStores()
    {
        await using var app = await MageAppFactory.CreateAsync();

        var setups = app.Services.GetServices<IStorageSetup>().Select(s => s.GetType().Assembly.GetName().Name).ToHashSet();

        Assert.Superset(new HashSet<string?> { "Mage.Builds", "Mage.Catalog", "Mage.Codegen", "Mage.Webhooks" }, setups);
    }

    // The orchestrator calls these steps by name; a renamed class would fail every Mage build at run time.
    [Fact]
    public void MageActivityNames_EachStep_IsTheClassNameInBuildTasks()
    {
        Assert.Equal(nameof(GenerateCodeActivity), MageActivityNames.GenerateCode);
        Assert.Equal(nameof(CreateMergeRequestActivity), MageActivityNames.CreateMergeRequest);
        Assert.Contains(BuildTasks.Activities, t => t.Name == MageActivityNames.GenerateCode);
        Assert.Contains(BuildTasks.Activities, t => t.Name == MageActivityNames.CreateMergeRequest);
    }
}
