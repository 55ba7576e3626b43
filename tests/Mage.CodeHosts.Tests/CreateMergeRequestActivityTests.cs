using System.Text;
using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Catalog;
using Mage.Codegen;
using Mage.CodeHosts;
using Mage.CodeHosts.Git;
using Mage.CodeHosts.GitLab;
using Mage.CodeHosts.Tests;
using Mage.Testing;
using Mage.Testing.GitLab;

namespace Mage.CodeHosts.Tests;

/// <summary>Step 9 against Azurite (build record, generated code, catalog with the encrypted token) and real code hosts.</summary>
public sealed class CreateMergeRequestActivityTests : IAsyncLifetime
{
    private readonly MergeRequestOptions _options = new() { PublicUrl = "http://mage.test/", GitLabMaxRetries = 0 };
    private readonly HttpClient _http = new();
    private CatalogTestStorage _catalog = null!;
    private BuildStore _builds = null!;
    private JobStore _jobs = null!;
    private GeneratedCodeStore _generated = null!;
    private string _service = null!;

    public async Task InitializeAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var names = new BuildStorageNames(TestNames.Unique("mr"));
        _catalog = await CatalogTestStorage.CreateAsync();
        _builds = new BuildStore(azurite.Clients(), names, TimeProvider.System);
        _jobs = new JobStore(azurite.Clients(), names, TimeProvider.System);
        _generated = new GeneratedCodeStore(azurite.Clients(), names);
        await Task.WhenAll(_builds.EnsureCreatedAsync(default), _jobs.EnsureCreatedAsync(default), _generated.EnsureCreatedAsync(default));
        _service = TestNames.Unique("svc");
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunAsync_TwiceWithGitRepository_OneCommitAndMergeRequestRecordedOnBuild()
    {
        using var repo = await BareRepository.CreateAsync();
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", new RepositoryUpdate("git", repo.FileUrl, null, "main", "tok-not-needed-for-files"), null), default);
        var build = await CreateBuildWithCodeAsync("v1.0.0", ("src/App.cs", "class App {}\n"));

        var first = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 3));
        var second = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 3));

        Assert.Null(first.Error);
        Assert.Equal(new MergeRequestRef($"{repo.FileUrl}#mage/v1.0.0", null, "mage/v1.0.0"), first.MergeRequest);
        Assert.Equal(first, second);
        Assert.Equal(2, await repo.CountAsync("mage/v1.0.0"));
        Assert.Equal(first.MergeRequest, (await _builds.GetAsync(build.Id, default))!.MergeRequest);
        Assert.Equal("class App {}\n", await repo.ShowAsync("mage/v1.0.0", "src/App.cs"));
    }

    [Fact]
    public async Task RunAsync_BuildAlreadyEnded_OpensNothing()
    {
        // A delivery that arrives after the build was killed (or timed out) while this step waited.
        using var repo = await BareRepository.CreateAsync();
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", new RepositoryUpdate("git", repo.FileUrl, null, "main", "tok-not-needed-for-files"), null), default);
        var build = await CreateBuildWithCodeAsync("v1.0.1", ("src/App.cs", "class App {}\n"));
        await _builds.TransitionAsync(build.Id, BuildStatus.Running, null, default);
        await _builds.TransitionAsync(build.Id, BuildStatus.Killed, "killed", default);

        var outcome = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 3));

        Assert.Null(outcome.MergeRequest);
        Assert.Contains("already ended (killed)", outcome.Error, StringComparison.Ordinal);
        Assert.Null(await repo.ShowAsync("mage/v1.0.1", "src/App.cs"));
        Assert.Null((await _builds.GetAsync(build.Id, default))!.MergeRequest);
    }

    [Fact]
    public async Task RunAsync_GitLabRepository_MergeRequestDescribesVersionBuildLinkAndUsesStoredToken()
    {
        await using var gitLab = await FakeGitLab.StartAsync("stored-token-abcdef");
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", new RepositoryUpdate("gitlab", gitLab.CloneUrl, null, null, "stored-token-abcdef"), null), default);
        var build = await CreateBuildWithCodeAsync("v2", ("a.txt", "a"));

        var outcome = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 7));

        Assert.Null(outcome.Error);
        var mr = Assert.Single(gitLab.MergeRequests);
        Assert.Equal(new MergeRequestRef(gitLab.MergeRequestUrl(1), 1, "mage/v2"), outcome.MergeRequest);
        Assert.Contains("- Configuration version: 7", mr.Description, StringComparison.Ordinal);
        Assert.Contains($"(http://mage.test/api/builds/{build.Id})", mr.Description, StringComparison.Ordinal);
        Assert.Equal($"Mage v2: generated code for {_service} (build #1)", mr.Title);
        Assert.All(gitLab.Requests, r => Assert.Equal("stored-token-abcdef", r.PrivateToken));
        Assert.Equal(outcome.MergeRequest, (await _builds.GetAsync(build.Id, default))!.MergeRequest);
    }

    [Fact]
    public async Task RunAsync_GitLabRefusesToken_ErrorOutcomeWithReasonNotRetried()
    {
        await using var gitLab = await FakeGitLab.StartAsync("the-right-token");
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", new RepositoryUpdate("gitlab", gitLab.CloneUrl, null, "main", "a-revoked-token"), null), default);
        var build = await CreateBuildWithCodeAsync("v3", ("a.txt", "a"));

        var outcome = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 1));

        Assert.Null(outcome.MergeRequest);
        Assert.Contains("401 Unauthorized", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("a-revoked-token", outcome.Error, StringComparison.Ordinal);
        Assert.Null((await _builds.GetAsync(build.Id, default))!.MergeRequest);
    }

    [Fact]
    public async Task RunAsync_GitLabUnavailable_ThrowsSoTheRetryPolicyRunsItAgain()
    {
        await using var gitLab = await FakeGitLab.StartAsync("t0ken-value");
        gitLab.AddFault(new FakeGitLabFault("GET", "/repository/branches/", 503, """{"message":"503 Service Unavailable"}""", Times: 10));
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", new RepositoryUpdate("gitlab", gitLab.CloneUrl, null, "main", "t0ken-value"), null), default);
        var build = await CreateBuildWithCodeAsync("v4", ("a.txt", "a"));

        var error = await Assert.ThrowsAsync<CodeHostException>(() => Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 1)));

        Assert.True(error.Transient);
    }

    [Fact]
    public async Task RunAsync_NoRepositoryConfigured_ErrorOutcomeSaysHowToFix()
    {
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", null, null), default);
        var build = await CreateBuildWithCodeAsync("v5", ("a.txt", "a"));

        var outcome = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 1));

        Assert.Contains("no repository configured", outcome.Error, StringComparison.Ordinal);
        Assert.Contains($"PUT /api/services/{_service}", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoGeneratedCodeStored_ErrorOutcome()
    {
        using var repo = await BareRepository.CreateAsync();
        await _catalog.Services.PutAsync(_service, new ServiceUpdate("Svc", new RepositoryUpdate("git", repo.Path, null, null, null), null), default);
        var build = (await _builds.CreateAsync(new NewBuild(_service, "v6", null, 1, null), default)).Build;

        var outcome = await Activity().RunAsync(new TestActivityContext(build.Id, nameof(CreateMergeRequestActivity)), new CreateMergeRequestInput(build.Id, 1));

        Assert.Contains("no generated code stored", outcome.Error, StringComparison.Ordinal);
        Assert.Null(await repo.ShowAsync("mage/v6", "README.md"));
    }

    private CreateMergeRequestActivity Activity()
    {
        var hosts = new CodeHostRegistry([
            new GitCodeHost(new GitRunner(TimeSpan.FromMinutes(1)), _options, new CapturingLogger<GitCodeHost>()),
            new GitLabCodeHost(new GitLabClient(_http, _options, TimeProvider.System, new CapturingLogger<GitLabClient>()), _options, new CapturingLogger<GitLabCodeHost>()),
        ]);
        return new CreateMergeRequestActivity(_catalog.Services, _generated, _builds, _jobs, hosts, _options, new CapturingLogger<CreateMergeRequestActivity>());
    }

    private async Task<BuildRecord> CreateBuildWithCodeAsync(string tag, params (string Path, string Content)[] files)
    {
        var build = (await _builds.CreateAsync(new NewBuild(_service, tag, null, 1, null), default)).Build;
        await _generated.SaveAsync(_service, build.Number, files.Select(f => new GeneratedFile(f.Path, Encoding.UTF8.GetBytes(f.Content))).ToList(), default);
        return build;
    }
}
