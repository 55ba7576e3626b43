using Mage.Builds.Activities;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Builds.Tests.Drivers;
using Mage.Manifests;
using Mage.Testing;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Tests.Activities;

/// <summary>
/// What a job activity runs on, for real: the build stores on Azurite (a task hub of its own), a
/// shared work root with a created <c>local</c> workspace, and a build of one stage with one job.
/// <see cref="Worker"/> plays one app process: each has its own running-job registry and identity,
/// and all share storage and the work root, like the workers of one task hub.
/// </summary>
internal sealed class JobActivityHarness : IAsyncDisposable
{
    private readonly TempFolder _root = new();
    private readonly Mage.Storage.StorageClients _account;
    private readonly BuildStorageNames _names;
    private readonly CatalogTestStorage _catalog;
    private readonly string _connectionString;

    private JobActivityHarness(string connectionString, Mage.Storage.StorageClients account, BuildStorageNames names, CatalogTestStorage catalog, string service)
    {
        _connectionString = connectionString;
        _account = account;
        _names = names;
        _catalog = catalog;
        Service = service;
        BuildId = Mage.Builds.Records.BuildId.Create(service, 1);
        Jobs = new JobStore(account, names, TimeProvider.System);
        Claims = new JobClaimStore(account, names);
        Logs = new JobLogs(account, names, Options);
        WorkRoot = Path.Combine(_root.Path, "work");
        Scratch = Directory.CreateDirectory(Path.Combine(_root.Path, "scratch")).FullName;
    }

    /// <summary>Heartbeats every second, stale after three: short enough for tests, the same rules as production.</summary>
    public MageOptions Options { get; } = new() { JobHeartbeatInterval = TimeSpan.FromSeconds(1), JobHeartbeatTimeout = TimeSpan.FromSeconds(3) };

    public string Service { get; }

    public string BuildId { get; }

    public JobStore Jobs { get; }

    public JobClaimStore Claims { get; }

    public JobLogs Logs { get; }

    public string WorkRoot { get; }

    /// <summary>A folder outside the workspace where job scripts leave marker files.</summary>
    public string Scratch { get; }

    public DriverLease Lease { get; private set; } = null!;

    public static async Task<JobActivityHarness> CreateAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var names = new BuildStorageNames(TestNames.Unique("jobact"));
        var catalog = await CatalogTestStorage.CreateAsync();
        var harness = new JobActivityHarness(azurite.ConnectionString, azurite.Clients(), names, catalog, TestNames.Unique("svc"));
        await Task.WhenAll(harness.Jobs.EnsureCreatedAsync(default), harness.Claims.EnsureCreatedAsync(default), harness.Logs.EnsureCreatedAsync(default));
        return harness;
    }

    /// <summary>Registers a build whose stage 1 has the one job <paramref name="script"/>, and creates its workspace.</summary>
    public async Task<RunJobInput> BuildWithJobAsync(string script)
    {
        var job = new PlanJob("job.1", script, [], null, false, PlanJobKind.Script, null);
        var plan = new ExecutionPlan(new ManifestDriver("local", new Dictionary<string, string>()), [], [], [], null,
            [new PlanStage("setup", false, []), new PlanStage("one", false, [job])]);
        await Jobs.RegisterAsync(Service, 1, plan, default);
        await using var worker = Worker("creator");
        var handle = await worker.Driver.CreateAsync(new DriverCreateRequest(BuildId, false), NullJobOutput.Instance, default);
        Lease = new DriverLease(handle);
        return new RunJobInput(BuildId, "v1", Lease, 1, 0, job, []);
    }

    /// <summary>The job's record now.</summary>
    public async Task<JobRecord> JobAsync() => (await Jobs.GetAsync(Service, 1, 1, 0, default))!;

    /// <summary>The job's log now.</summary>
    public async Task<string> LogAsync() => (await Logs.BlobFor(Service, 1, "job.1").DownloadContentAsync()).Value.Content.ToString();

    /// <summary>
    /// One worker process of the task hub, on <paramref name="clock"/> (the system clock by default),
    /// whose table requests fail while <paramref name="outage"/> is down.
    /// </summary>
    public WorkerProcess Worker(string id, TimeProvider? clock = null, StorageOutage? outage = null) =>
        new(this, id, clock ?? TimeProvider.System, outage is null ? _account : TablesBehind(outage));

    /// <summary>The clients of the emulator with tables behind <paramref name="outage"/>, and no SDK retries to hide it.</summary>
    private Mage.Storage.StorageClients TablesBehind(StorageOutage outage)
    {
        var options = Mage.Storage.StorageRetry.Apply(new Azure.Data.Tables.TableClientOptions(), null);
        options.Retry.MaxRetries = 0;
        options.AddPolicy(outage, Azure.Core.HttpPipelinePosition.PerCall);
        return new Mage.Storage.StorageClients(_account.Blobs, _account.Queues, new Azure.Data.Tables.TableServiceClient(_connectionString, options));
    }

    public ValueTask DisposeAsync()
    {
        _root.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The parts of one app process that a job activity uses.</summary>
    internal sealed class WorkerProcess : IAsyncDisposable
    {
        public WorkerProcess(JobActivityHarness harness, string id, TimeProvider clock, Mage.Storage.StorageClients account)
        {
            var jobs = new JobStore(account, harness._names, TimeProvider.System);
            var claims = new JobClaimStore(account, harness._names);
            var logs = new JobLogs(account, harness._names, harness.Options);
            Registry = new RunningJobRegistry(BuildsServiceCollectionExtensions.KillGracePeriod);
            Driver = new LocalDriver(new DriverOptions { WorkRoot = harness.WorkRoot }, Registry, new JobProcess(Registry));
            var keeper = new JobClaimKeeper(claims, jobs, logs, Registry, new WorkerIdentity(id), harness.Options, clock,
                NullLogger<JobClaimKeeper>.Instance);
            var runner = new JobRunner(jobs, logs, harness._catalog.Variables);
            var artifacts = new ArtifactCollector(harness._account, harness._names, new ArtifactStore(harness._account, harness._names), harness.Options);
            RunJob = new RunJobActivity(new DriverRegistry([Driver]), runner, artifacts, keeper, jobs, Registry, clock, Lifetime);
            Kill = new KillJobsActivity(claims, clock);
            Destroy = new DestroyDriverActivity(new DriverRegistry([Driver]), claims, clock, NullLogger<DestroyDriverActivity>.Instance);
        }

        public RunningJobRegistry Registry { get; }

        /// <summary>The process's host lifetime: <c>StopApplication</c> is what SIGTERM does to the app.</summary>
        public ApplicationLifetime Lifetime { get; } = new(NullLogger<ApplicationLifetime>.Instance);

        public LocalDriver Driver { get; }

        public RunJobActivity RunJob { get; }

        public KillJobsActivity Kill { get; }

        public DestroyDriverActivity Destroy { get; }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
