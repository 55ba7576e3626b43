using Mage.CodeHosts;
using Mage.Testing;
using Mage.Testing.GitLab;

namespace Mage.CodeHosts.Tests;

/// <summary>Every GitLab error path becomes a clear failure (or a retry), and none of them leaks the token.</summary>
public sealed class GitLabErrorTests
{
    [Theory]
    [InlineData("GET", "/repository/branches/", 401, """{"message":"401 Unauthorized"}""", "401 Unauthorized", "repository.token")]
    [InlineData("POST", "/repository/commits", 403, """{"message":"403 Forbidden"}""", "403 Forbidden", "Developer role")]
    [InlineData("GET", "/repository/tree", 404, """{"message":"404 Tree Not Found"}""", "404 Not Found", "repository.targetBranch")]
    [InlineData("POST", "/repository/commits", 422, """{"message":"Branch name is invalid"}""", "422 Unprocessable Entity", "Branch name is invalid")]
    [InlineData("POST", "/repository/commits", 400, """{"message":"A file with this name already exists"}""", "400 Bad Request", "A file with this name already exists")]
    public async Task PublishAsync_GitLabRefuses_PermanentFailureSaysWhatToFix(string method, string path, int status, string body, string expectedStatus, string expectedHint)
    {
        await using var h = await GitLabHarness.StartAsync();
        h.GitLab.AddFault(new FakeGitLabFault(method, path, status, body, Times: 10));

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Equal(status, error.Status);
        Assert.Contains(expectedStatus, error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedHint, error.Message, StringComparison.Ordinal);
        AssertNoToken(h, error);
        Assert.Empty(h.GitLab.MergeRequests);
    }

    [Fact]
    public async Task PublishAsync_Redirect_NotFollowedSoTheTokenStaysHome()
    {
        await using var h = await GitLabHarness.StartAsync();
        await using var elsewhere = await Mage.Testing.GitLab.FakeGitLab.StartAsync("other");
        h.GitLab.AddFault(new FakeGitLabFault("GET", "/repository/branches/", 301, "", Times: 10) { Location = elsewhere.BaseAddress.AbsoluteUri });

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.Equal(301, error.Status);
        Assert.Contains("redirects are not followed", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task PublishAsync_WrongToken_Real401FromServer()
    {
        await using var h = await GitLabHarness.StartAsync();

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository with { Token = "wrong-token-value" }, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.DoesNotContain("wrong-token-value", error.Message, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_UnknownProject_404NamesTheProject()
    {
        await using var h = await GitLabHarness.StartAsync();

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository with { Project = "other/missing" }, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Contains("'other/missing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("404 Project Not Found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_MergeRequestConflictThatPersists_TransientConflict()
    {
        // 409 is GitLab's answer to a second open MR for the same source branch; the host lists
        // again once, and when the conflict persists the step is left to the durable retry.
        await using var h = await GitLabHarness.StartAsync();
        h.GitLab.AddFault(new FakeGitLabFault("POST", "/merge_requests", 409,
            """{"message":["Another open merge request already exists for this source branch: !7"]}""", Times: 5));

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Equal(409, error.Status);
        Assert.Contains("Another open merge request already exists for this source branch: !7", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.GitLab.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)));
        AssertNoToken(h, error);
    }

    [Fact]
    public async Task PublishAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var h = await GitLabHarness.StartAsync();
        h.GitLab.AddFault(new FakeGitLabFault("POST", "/repository/commits", 429, "Retry later", RetryAfter: "1"));

        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None);

        var commits = h.GitLab.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/repository/commits", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 201], commits.Select(r => r.Status));
        // Honouring Retry-After is the behaviour under test: the retry must not come before the second GitLab asked for.
        Assert.True(commits[1].At - commits[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {(commits[1].At - commits[0].At).TotalMilliseconds} ms");
        Assert.Equal(2, h.GitLab.History("mage/v1").Count);
        Assert.Contains(h.ClientLog.Lines, l => l.StartsWith("6306 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_429BeyondRetries_TransientFailureNamingTheWait()
    {
        await using var h = await GitLabHarness.StartAsync(options: new MergeRequestOptions { GitLabMaxRetries = 2, GitLabMaxRetryDelay = TimeSpan.FromSeconds(5) });
        h.GitLab.AddFault(new FakeGitLabFault("GET", "/repository/branches/", 429, """{"message":"429 Too Many Requests"}""", RetryAfter: "0", Times: 10));

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Equal(429, error.Status);
        Assert.Contains("429 Too Many Requests", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.GitLab.Requests.Count(r => r.Path.Contains("/repository/branches/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PublishAsync_RetryAfterLongerThanAllowed_FailsTransientAtOnceWithoutWaiting()
    {
        await using var h = await GitLabHarness.StartAsync();
        h.GitLab.AddFault(new FakeGitLabFault("GET", "/repository/branches/", 429, "Retry later", RetryAfter: "3600"));

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Contains("3600 s", error.Message, StringComparison.Ordinal);
        Assert.Single(h.GitLab.Requests, r => r.Path.Contains("/repository/branches/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_ServerErrorThenRecovery_Retried()
    {
        await using var h = await GitLabHarness.StartAsync();
        h.GitLab.AddFault(new FakeGitLabFault("POST", "/merge_requests", 502, "<html>Bad Gateway</html>", RetryAfter: "0", Times: 2));

        var result = await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None);

        Assert.Equal(1, result.Iid);
        Assert.Equal([502, 502, 201], h.GitLab.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)).Select(r => r.Status));
    }

    [Fact]
    public async Task PublishAsync_NoToken_RefusedBeforeAnyRequest()
    {
        await using var h = await GitLabHarness.StartAsync();

        var error = await Assert.ThrowsAsync<CodeHostException>(() => h.Host.PublishAsync(h.Repository with { Token = null }, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Contains("no token", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.GitLab.Requests);
    }

    [Fact]
    public async Task PublishAsync_Unreachable_TransientWithoutToken()
    {
        var repository = new CodeHostRepository("http://127.0.0.1:1/group/project.git", null, "main", GitLabHarness.Token);
        using var http = new HttpClient();
        var log = new CapturingLogger<Mage.CodeHosts.GitLab.GitLabClient>();
        var host = new Mage.CodeHosts.GitLab.GitLabCodeHost(new Mage.CodeHosts.GitLab.GitLabClient(http, new MergeRequestOptions(), TimeProvider.System, log),
            new MergeRequestOptions(), new CapturingLogger<Mage.CodeHosts.GitLab.GitLabCodeHost>());

        var error = await Assert.ThrowsAsync<CodeHostException>(() => host.PublishAsync(repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitLabHarness.Token, error.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoToken(GitLabHarness h, CodeHostException error)
    {
        Assert.DoesNotContain(GitLabHarness.Token, error.ToString(), StringComparison.Ordinal);
        Assert.All(h.ClientLog.Lines.Concat(h.HostLog.Lines), l => Assert.DoesNotContain(GitLabHarness.Token, l, StringComparison.Ordinal));
        Assert.All(h.GitLab.Requests, r => Assert.DoesNotContain(GitLabHarness.Token, r.RawTarget, StringComparison.Ordinal));
    }
}
