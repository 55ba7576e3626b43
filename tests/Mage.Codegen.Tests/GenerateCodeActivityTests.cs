using System.Diagnostics;
using System.Text;
using Mage.Builds;
using Mage.Builds.Activities;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Catalog;
using Mage.Codegen;
using Mage.Codegen.Configuration;
using Mage.Codegen.Packs;
using Mage.Codegen.Tests.Configuration;
using Mage.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Codegen.Tests;

/// <summary>The activity on the real stores (Azurite), a real workspace folder and real git.</summary>
public sealed class GenerateCodeActivityTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task RunAsync_BuiltInPack_WritesTheTreeKeepsItAndLogs()
    {
        var setup = await SetupAsync();
        var version = (await setup.Configurations.SaveAsync("orders", ConfigurationSamples.Minimal, CancellationToken.None)).Version;

        var result = await setup.Activity.RunAsync(new Context(), setup.Input(version));

        Assert.True(result.Succeeded, result.Error);
        var kept = await setup.Generated.LoadAsync("orders", 7, CancellationToken.None);
        Assert.Equal(result.Files, kept!.Count);
        var entity = kept.Single(f => f.Path == "src/Orders/Entities/Customer.cs");
        Assert.Equal(entity.Content, await File.ReadAllBytesAsync(Path.Combine(setup.Workspace, "generated", entity.Path)));
        Assert.Contains($"generated {result.Files} files into generated/", await setup.LogAsync(), StringComparison.Ordinal);
    }

    // At-least-once: a second run replaces the folder (a stale file disappears) and keeps the same bytes.
    [Fact]
    public async Task RunAsync_Twice_SameFilesAndNoStaleOnes()
    {
        var setup = await SetupAsync();
        var version = (await setup.Configurations.SaveAsync("orders", ConfigurationSamples.Minimal, CancellationToken.None)).Version;
        await setup.Activity.RunAsync(new Context(), setup.Input(version));
        var first = await setup.Generated.LoadAsync("orders", 7, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(setup.Workspace, "generated", "stale.txt"), "old");

        await setup.Activity.RunAsync(new Context(), setup.Input(version));

        var second = await setup.Generated.LoadAsync("orders", 7, CancellationToken.None);
        Assert.Equal(first!.Select(f => (f.Path, Convert.ToHexString(f.Content))), second!.Select(f => (f.Path, Convert.ToHexString(f.Content))));
        Assert.False(File.Exists(Path.Combine(setup.Workspace, "generated", "stale.txt")));
    }

    [Fact]
    public async Task RunAsync_GitPackWithBrokenTemplate_FailsWithFileAndLine()
    {
        var setup = await SetupAsync();
        using var pack = new PackFolder("name: broken\ndescription: d\nversion: 1\nsupports: [crud]\n")
            .Write("templates/a.txt.scriban", "ok\n{{ for e in entities }}\n");
        var bare = CommitToBareRepository(pack.Root);
        var text = ConfigurationSamples.Minimal.Replace("pack: aspnet-minimal-api", $"pack: {{ git: \"file://{bare}\", ref: main }}", StringComparison.Ordinal);
        var version = (await setup.Configurations.SaveAsync("orders", text, CancellationToken.None)).Version;

        var result = await setup.Activity.RunAsync(new Context(), setup.Input(version));

        Assert.False(result.Succeeded);
        // The unclosed for is reported where its end was due: the end of the template, line 2, column 24.
        Assert.StartsWith("templates/a.txt.scriban:2:24: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("<end> statement was not found in: for", result.Error, StringComparison.Ordinal);
        Assert.Contains("[mage] code generation failed: templates/a.txt.scriban:2:24: ", await setup.LogAsync(), StringComparison.Ordinal);
        Assert.Null(await setup.Generated.LoadAsync("orders", 7, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_GitPackUnknownRef_SaysTheCloneFailed()
    {
        var setup = await SetupAsync();
        using var pack = new PackFolder().Write("templates/a.txt", "a");
        var bare = CommitToBareRepository(pack.Root);
        var text = ConfigurationSamples.Minimal.Replace("pack: aspnet-minimal-api", $"pack: {{ git: \"file://{bare}\", ref: no-such-branch }}", StringComparison.Ordinal);
        var version = (await setup.Configurations.SaveAsync("orders", text, CancellationToken.None)).Version;

        var result = await setup.Activity.RunAsync(new Context(), setup.Input(version));

        Assert.False(result.Succeeded);
        Assert.Contains("could not be cloned", result.Error, StringComparison.Ordinal);
        Assert.Contains("no-such-branch", await setup.LogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UploadedPack_IsUnpackedAndRendered()
    {
        var setup = await SetupAsync();
        using var pack = new PackFolder().Write("templates/{{ entity.kebab_name }}.txt.scriban", "{{ entity.name }} {{ entity.key.csharp_type }}\n");
        var version = await SaveWithUploadedPackAsync(setup, pack);

        var result = await setup.Activity.RunAsync(new Context(), setup.Input(version));

        Assert.True(result.Succeeded, result.Error);
        var file = Assert.Single((await setup.Generated.LoadAsync("orders", 7, CancellationToken.None))!);
        Assert.Equal(("customer.txt", "Customer Guid\n"), (file.Path, Encoding.UTF8.GetString(file.Content)));
    }

    [Fact]
    public async Task RunAsync_UploadedPackWithEndlessLoop_FailsAtTheLoopsPositionAndWritesNothing()
    {
        var setup = await SetupAsync();
        using var pack = new PackFolder()
            .Write("templates/a.txt", "copied")
            .Write("templates/b.txt.scriban", "ok\n{{ while true }}x{{ end }}\n");
        var version = await SaveWithUploadedPackAsync(setup, pack);
        var watch = Stopwatch.StartNew();

        var result = await setup.Activity.RunAsync(new Context(), setup.Input(version));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.False(result.Succeeded);
        Assert.StartsWith("templates/b.txt.scriban:2:4: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("[mage] code generation failed: templates/b.txt.scriban:2:4: ", await setup.LogAsync(), StringComparison.Ordinal);
        Assert.Null(await setup.Generated.LoadAsync("orders", 7, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(setup.Workspace, "generated")));
    }

    [Fact]
    public async Task RunAsync_MissingObject_SaysHowToUploadIt()
    {
        var setup = await SetupAsync();
        var text = ConfigurationSamples.Minimal.Replace("pack: aspnet-minimal-api", "pack: { object: missing.tar.gz }", StringComparison.Ordinal);
        var version = (await setup.Configurations.SaveAsync("orders", text, CancellationToken.None)).Version;

        var result = await setup.Activity.RunAsync(new Context(), setup.Input(version));

        Assert.False(result.Succeeded);
        Assert.Contains("PUT /api/services/orders/objects/missing.tar.gz", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Uploads <paramref name="pack"/> as the service object pack.zip and saves a configuration naming it; returns its version.</summary>
    private static async Task<long> SaveWithUploadedPackAsync(Setup setup, PackFolder pack)
    {
        using var archive = new MemoryStream();
        await System.IO.Compression.ZipFile.CreateFromDirectoryAsync(pack.Root, archive, System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: true);
        archive.Position = 0;
        await setup.Objects.UploadAsync("orders", "pack.zip", archive, archive.Length, "application/zip", CancellationToken.None);
        var text = ConfigurationSamples.Minimal.Replace("pack: aspnet-minimal-api", "pack: { object: pack.zip }", StringComparison.Ordinal);
        return (await setup.Configurations.SaveAsync("orders", text, CancellationToken.None)).Version;
    }

    private async Task<Setup> SetupAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var hub = TestNames.Unique("gen");
        var names = new BuildStorageNames(hub);
        var catalog = await CatalogTestStorage.CreateAsync();
        var configurations = new ConfigurationStore(azurite.Clients(), new ConfigurationStorageNames(hub), TimeProvider.System, NullLogger<ConfigurationStore>.Instance);
        var generated = new GeneratedCodeStore(azurite.Clients(), names);
        await generated.EnsureCreatedAsync(CancellationToken.None);
        var logs = new JobLogs(azurite.Clients(), names, new MageOptions { TaskHub = hub });
        await logs.EnsureCreatedAsync(CancellationToken.None);
        var builtIns = BuiltInPacks.FromAppDirectory();
        var resolver = new TemplatePackResolver(builtIns, catalog.Objects, new JobProcess(new RunningJobRegistry(TimeSpan.FromSeconds(1))), NullLogger<Mage.Builds.Sources.GitSourceCloner>.Instance);
        var loader = new ConfigurationLoader(configurations, [new BuiltInPackCatalog(builtIns)]);
        var activity = new GenerateCodeActivity(loader, resolver, generated, logs, NullLogger<GenerateCodeActivity>.Instance);
        var workspace = Path.Combine(_root.Path, "work", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);
        return new Setup(activity, configurations, catalog.Objects, generated, logs, workspace);
    }

    private string CommitToBareRepository(string folder)
    {
        var bare = Path.Combine(_root.Path, "pack-" + Guid.NewGuid().ToString("N")[..8] + ".git");
        TestGit.Run(_root.Path, "init", "-q", "--bare", "-b", "main", bare);
        TestGit.Run(folder, "init", "-q", "-b", "main");
        TestGit.Run(folder, "add", ".");
        TestGit.Run(folder, "commit", "-q", "-m", "pack");
        TestGit.Run(folder, "push", "-q", bare, "main");
        return bare;
    }

    private sealed record Setup(GenerateCodeActivity Activity, ConfigurationStore Configurations, ObjectStore Objects, GeneratedCodeStore Generated, JobLogs Logs, string Workspace)
    {
        public const string BuildId = "orders-7-abcdef";

        public GenerateCodeInput Input(long version) =>
            new(BuildId, new DriverLease(new DriverHandle("local", BuildId, Workspace)), version);

        public async Task<string> LogAsync() =>
            (await Logs.BlobFor("orders", 7, "create-driver").DownloadContentAsync(CancellationToken.None)).Value.Content.ToString();
    }

    private sealed class Context : TaskActivityContext
    {
        public override string InstanceId => Setup.BuildId;

        public override TaskName Name => nameof(GenerateCodeActivity);
    }
}
