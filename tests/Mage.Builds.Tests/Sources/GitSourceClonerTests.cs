using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mage.Builds.Jobs;
using Mage.Builds.Sources;
using Mage.Builds.Tests.Drivers;
using Mage.Builds.Tests.Logs;
using Mage.Testing;

namespace Mage.Builds.Tests.Sources;

public sealed class GitSourceClonerTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly TempFolder root = new();
    private readonly GitSourceCloner cloner = new(new JobProcess(new RunningJobRegistry(TimeSpan.FromSeconds(1))));
    private readonly string workspace;
    private readonly string bare;

    public GitSourceClonerTests()
    {
        workspace = Path.Combine(root.Path, "ws");
        Directory.CreateDirectory(workspace);
        bare = Path.Combine(root.Path, "origin.git");
        var seed = Path.Combine(root.Path, "seed");
        TestGit.Run(root.Path, "init", "-q", "--bare", "-b", "main", bare);
        TestGit.Run(root.Path, "init", "-q", "-b", "main", seed);
        File.WriteAllText(Path.Combine(seed, "version.txt"), "one\n");
        TestGit.Run(seed, "add", ".");
        TestGit.Run(seed, "commit", "-q", "-m", "one");
        TestGit.Run(seed, "tag", "v1");
        File.WriteAllText(Path.Combine(seed, "version.txt"), "two\n");
        TestGit.Run(seed, "commit", "-q", "-am", "two");
        TestGit.Run(seed, "push", "-q", bare, "main", "v1");
    }

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task CloneAsync_BareRepositoryOverFile_ClonesTheDefaultBranch()
    {
        var output = new RecordingJobOutput();
        var result = await cloner.CloneAsync(workspace, "file://" + bare, null, null, output, NoEnvironment, CancellationToken.None);

        Assert.True(result.Outcome == JobOutcome.Passed, output.Text);
        Assert.Equal("two\n", await File.ReadAllTextAsync(Path.Combine(workspace, "origin", "version.txt")));
    }

    [Fact]
    public async Task CloneAsync_WithATag_ChecksItOut()
    {
        var output = new RecordingJobOutput();
        var result = await cloner.CloneAsync(workspace, "file://" + bare, "v1", "src/app", output, NoEnvironment, CancellationToken.None);

        Assert.True(result.Outcome == JobOutcome.Passed, output.Text);
        Assert.Equal("one\n", await File.ReadAllTextAsync(Path.Combine(workspace, "src", "app", "version.txt")));
    }

    [Fact]
    public async Task CloneAsync_MissingRef_FailsWithGitsMessage()
    {
        var output = new RecordingJobOutput();
        var result = await cloner.CloneAsync(workspace, "file://" + bare, "no-such-ref", null, output, NoEnvironment, CancellationToken.None);
        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Contains("no-such-ref", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloneAsync_MissingRepository_FailsWithGitsMessage()
    {
        var output = new RecordingJobOutput();
        var result = await cloner.CloneAsync(workspace, "file://" + root.Path + "/missing.git", null, null, output, NoEnvironment, CancellationToken.None);

        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("fatal:", output.Text, StringComparison.Ordinal);
        Assert.Contains("missing.git", output.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/tmp/abs")]
    public async Task CloneAsync_DirectoryOutsideTheWorkspace_Refused(string directory)
    {
        var output = new RecordingJobOutput();
        var result = await cloner.CloneAsync(workspace, "file://" + bare, null, directory, output, NoEnvironment, CancellationToken.None);
        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Contains("refused", output.Text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "outside")));
    }

    [Fact]
    public async Task CloneAsync_OptionLikeUrl_Refused()
    {
        var output = new RecordingJobOutput();
        var result = await cloner.CloneAsync(workspace, "--upload-pack=touch /tmp/pwned", null, "x", output, NoEnvironment, CancellationToken.None);
        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Null(result.ExitCode); // git never ran
    }

    [Fact]
    public async Task CloneAsync_ServerAsksForCredentials_FailsWithoutPrompting()
    {
        // Invariant: a clone never waits for a human; it fails within a bounded time.
        using var server = new HttpListener();
        var port = FreePort();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var serving = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await server.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                context.Response.StatusCode = 401;
                context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"test\"");
                context.Response.Close();
            }
        });

        var output = new RecordingJobOutput();
        var clock = Stopwatch.StartNew();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var result = await cloner.CloneAsync(workspace, $"http://127.0.0.1:{port}/private.git", null, null, output, NoEnvironment, bound.Token);
        server.Stop();

        Assert.Equal(JobOutcome.Failed, result.Outcome); // not Killed: it ended on its own
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains("fatal:", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloneAsync_CredentialsInTheUrl_NotShownInTheOutput()
    {
        var output = new RecordingJobOutput();
        await cloner.CloneAsync(workspace, "https://user:s3cret-token@127.0.0.1:1/x.git", null, null, output, NoEnvironment, CancellationToken.None);
        Assert.DoesNotContain("s3cret-token", output.Text, StringComparison.Ordinal);
        Assert.Contains("https://127.0.0.1:1/x.git", output.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/git/git", "git")]
    [InlineData("https://x/y/mgrt.git", "mgrt")]
    [InlineData("file:///srv/repos/app.git/", "app")]
    public void DefaultDirectory_Url_LastPartWithoutDotGit(string url, string expected)
    {
        Assert.Equal(expected, GitSourceCloner.DefaultDirectory(url));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
