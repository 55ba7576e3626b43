using System.Collections.Concurrent;
using System.Text;
using Mage.CodeHosts;
using Mage.CodeHosts.Git;
using Mage.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts.Tests;

/// <summary>The git provider against real bare repositories and the real git.</summary>
public sealed class GitCodeHostTests
{
    private const string Token = "git-SECRET-token-9876543210";

    private readonly ConcurrentQueue<GitCommand> _commands = new();
    private readonly CapturingLogger<GitCodeHost> _log = new();

    private GitCodeHost Host() => new(new GitRunner(TimeSpan.FromMinutes(1), _commands.Enqueue), new MergeRequestOptions(), _log);

    [Fact]
    public async Task PublishAsync_FileUrlRemote_PushesBranchFromMainWithOneTrailerCommit()
    {
        using var repo = await BareRepository.CreateAsync();

        var result = await Host().PublishAsync(new CodeHostRepository(repo.FileUrl, null, null, null),
            GitLabHarness.Change("svc-1", "v1", ("src/App.cs", "class App {}\n")), CancellationToken.None);

        Assert.Equal(new Mage.Builds.Records.MergeRequestRef($"{repo.FileUrl}#mage/v1", null, "mage/v1"), result);
        Assert.Equal(2, await repo.CountAsync("mage/v1"));
        Assert.Equal((await repo.InRepositoryAsync("rev-parse", "main")).Trim(), (await repo.InRepositoryAsync("rev-parse", "mage/v1~1")).Trim());
        Assert.True(MageCommit.HasTrailer(await repo.InRepositoryAsync("log", "-1", "--format=%B", "mage/v1"), "svc-1"));
        Assert.Equal("Mage <mage@localhost>", (await repo.InRepositoryAsync("log", "-1", "--format=%an <%ae>", "mage/v1")).Trim());
        Assert.Equal("class App {}\n", await repo.ShowAsync("mage/v1", "src/App.cs"));
        Assert.Equal("# project\n", await repo.ShowAsync("mage/v1", "README.md"));
    }

    [Fact]
    public async Task PublishAsync_RunTwice_OneCommit()
    {
        // At-least-once: the second run finds the Mage-Build trailer on the branch and pushes nothing.
        using var repo = await BareRepository.CreateAsync();
        var change = GitLabHarness.Change("svc-3", "v1", ("a.txt", "a\n"));

        var first = await Host().PublishAsync(new CodeHostRepository(repo.Path, null, "main", null), change, CancellationToken.None);
        var second = await Host().PublishAsync(new CodeHostRepository(repo.Path, null, "main", null), change, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(2, await repo.CountAsync("mage/v1"));
        Assert.Single(_commands, c => c.Arguments[0] == "push");
        Assert.Contains(_log.Lines, l => l.StartsWith("6302 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_LaterBuild_DeletesNoLongerGeneratedKeepsHandWrittenBuildsOnBranch()
    {
        using var repo = await BareRepository.CreateAsync();
        var target = new CodeHostRepository(repo.FileUrl, null, null, null);
        await Host().PublishAsync(target, GitLabHarness.Change("svc-1", "v1", ("keep.txt", "k\n"), ("gone/old.txt", "o\n")), CancellationToken.None);
        await repo.PushAsync("mage/v1", new Dictionary<string, string> { ["HANDWRITTEN.md"] = "mine\n" });

        await Host().PublishAsync(target, GitLabHarness.Change("svc-2", "v1", ("keep.txt", "k2\n"), ("new.txt", "n\n")), CancellationToken.None);

        Assert.Equal(4, await repo.CountAsync("mage/v1"));
        Assert.Null(await repo.ShowAsync("mage/v1", "gone/old.txt"));
        Assert.Equal("mine\n", await repo.ShowAsync("mage/v1", "HANDWRITTEN.md"));
        Assert.Equal("k2\n", await repo.ShowAsync("mage/v1", "keep.txt"));
        Assert.Equal(["keep.txt", "new.txt"], GeneratedFilesIndex.ParsePaths(Encoding.UTF8.GetBytes((await repo.ShowAsync("mage/v1", GeneratedFilesIndex.Path))!)));
    }

    [Fact]
    public async Task PublishAsync_MissingTargetBranch_PermanentFailureNamingIt()
    {
        using var repo = await BareRepository.CreateAsync();

        var error = await Assert.ThrowsAsync<CodeHostException>(() => Host().PublishAsync(new CodeHostRepository(repo.FileUrl, null, "release", null),
            GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Contains("'release' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mage-none-")]
    [InlineData("mage-403-none-")]
    [InlineData("mage-401-none-")]
    public async Task PublishAsync_MissingRepository_PermanentFailure(string folderPrefix)
    {
        // An address that happens to contain an HTTP status is still a missing repository, not a refusal.
        var missing = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"), "repo.git");

        var error = await Assert.ThrowsAsync<CodeHostException>(() => Host().PublishAsync(new CodeHostRepository(missing, null, "main", Token),
            GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_RepositoryWithSymbolicLinkOnGeneratedPath_Refused()
    {
        using var repo = await BareRepository.CreateAsync();
        await repo.PushAsync("main", new Dictionary<string, string>(), work => File.CreateSymbolicLink(Path.Combine(work, "src"), "/tmp"));

        var error = await Assert.ThrowsAsync<CodeHostException>(() => Host().PublishAsync(new CodeHostRepository(repo.FileUrl, null, null, null),
            GitLabHarness.Change("svc-1", "v1", ("src/escape.txt", "x")), CancellationToken.None));

        Assert.Contains("symbolic link at 'src'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/escape.txt"));
    }

    [Fact]
    public async Task PublishAsync_WithToken_TokenOnlyInEnvironmentNeverInArgumentsOrLogs()
    {
        using var repo = await BareRepository.CreateAsync();

        await Host().PublishAsync(new CodeHostRepository(repo.FileUrl, null, null, Token), GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None);

        Assert.NotEmpty(_commands);
        Assert.All(_commands, c =>
        {
            Assert.All(c.Arguments, a => Assert.DoesNotContain(Token, a, StringComparison.Ordinal));
            Assert.DoesNotContain(Token, c.ToString(), StringComparison.Ordinal);
            Assert.Equal(Token, c.Environment["MAGE_GIT_TOKEN"]);
            Assert.Equal("0", c.Environment["GIT_TERMINAL_PROMPT"]);
            Assert.All(c.Environment.Where(e => e.Key != "MAGE_GIT_TOKEN"), e => Assert.DoesNotContain(Token, e.Value, StringComparison.Ordinal));
        });
        Assert.All(_log.Lines, l => Assert.DoesNotContain(Token, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_HttpRemoteAskingForCredentials_GitSendsTokenFromEnvironmentAndFailureHidesIt()
    {
        // A loopback HTTP server playing a git host that wants Basic auth and then forbids the push:
        // git must answer the challenge with the token (from the credential helper's environment)
        // and the failure must not show it.
        var authorizations = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(async http =>
        {
            if (http.Request.Headers.Authorization.FirstOrDefault() is not { } authorization)
            {
                http.Response.StatusCode = 401;
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
                return;
            }

            authorizations.Enqueue(authorization);
            http.Response.StatusCode = 403;
            await http.Response.WriteAsync("forbidden");
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/group/project.git";

        var error = await Assert.ThrowsAsync<CodeHostException>(() => Host().PublishAsync(new CodeHostRepository(url, null, "main", Token),
            GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None));

        var sent = Assert.Single(authorizations.Distinct());
        Assert.Equal($"oauth2:{Token}", Encoding.UTF8.GetString(Convert.FromBase64String(sent["Basic ".Length..])));
        Assert.False(error.Transient);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.All(_commands, c => Assert.All(c.Arguments, a => Assert.DoesNotContain(Token, a, StringComparison.Ordinal)));
        Assert.All(_log.Lines, l => Assert.DoesNotContain(Token, l, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UrlWithCredentials_MovedToEnvironment()
    {
        var remote = GitRemote.Create("https://bob:pa55word@git.example.org/team/svc.git", null, "/tmp/h", "Mage", "m@x");

        Assert.Equal("https://git.example.org/team/svc.git", remote.Url);
        Assert.Equal("bob", remote.Environment["MAGE_GIT_USERNAME"]);
        Assert.Equal("pa55word", remote.Environment["MAGE_GIT_TOKEN"]);
        Assert.DoesNotContain("pa55word", remote.ToString(), StringComparison.Ordinal);
    }
}
