using System.Text;
using Mage.Codegen;
using Mage.CodeHosts;
using Mage.CodeHosts.GitLab;
using Mage.Testing;
using Mage.Testing.GitLab;

namespace Mage.CodeHosts.Tests;

/// <summary>The GitLab code host wired to a fake GitLab on loopback, with captured logs.</summary>
internal sealed class GitLabHarness : IAsyncDisposable
{
    public const string Token = "glpat-SECRET-token-0123456789";

    private readonly HttpClient _http = new(GitLabClient.CreateHandler());

    private GitLabHarness(FakeGitLab gitLab, MergeRequestOptions options)
    {
        GitLab = gitLab;
        Options = options;
        Client = new GitLabClient(_http, options, TimeProvider.System, ClientLog);
        Host = new GitLabCodeHost(Client, options, HostLog);
    }

    public FakeGitLab GitLab { get; }

    public MergeRequestOptions Options { get; }

    public GitLabClient Client { get; }

    public GitLabCodeHost Host { get; }

    public CapturingLogger<GitLabClient> ClientLog { get; } = new();

    public CapturingLogger<GitLabCodeHost> HostLog { get; } = new();

    public CodeHostRepository Repository => new(GitLab.CloneUrl, null, null, Token);

    public static async Task<GitLabHarness> StartAsync(IReadOnlyDictionary<string, string>? initialFiles = null, MergeRequestOptions? options = null) =>
        new(await FakeGitLab.StartAsync(Token, initialFiles), options ?? new MergeRequestOptions { GitLabMaxRetries = 3, GitLabMaxRetryDelay = TimeSpan.FromSeconds(5) });

    public static MergeRequestChange Change(string buildId, string tag, params (string Path, string Content)[] files) =>
        new(buildId, "mage/" + tag, files.Select(f => new GeneratedFile(f.Path, Encoding.UTF8.GetBytes(f.Content))).ToList(),
            $"Mage {tag}: generated code", $"Mage {tag}", $"Build {buildId}");

    public string FileText(string branch, string path) => Encoding.UTF8.GetString(GitLab.Head(branch)!.Files[path]);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await GitLab.DisposeAsync();
    }
}
