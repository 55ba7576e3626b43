using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mage.CodeHosts.Tests;

/// <summary>
/// The requests our GitLab client sends match GitLab's REST v4 documentation (reference/azure.md §6;
/// GitLab doc/api: commits.md, branches.md, repositories.md, repository_files.md,
/// merge_requests.md, rest/index.md): documented method and path with the project id, branch and
/// file path percent-encoded as single segments, documented query parameters, documented body
/// fields, the token only in <c>PRIVATE-TOKEN</c>, and <c>per_page</c> within GitLab's 100.
/// </summary>
public sealed partial class GitLabApiConformanceTests
{
    private sealed record Documented(string Method, Regex Path, string[] Query, string[] RequiredBody, string[] OptionalBody);

    private static readonly Documented[] Endpoints =
    [
        new("GET", Project(""), [], [], []),
        new("GET", Project(@"/repository/branches/[^/]+"), [], [], []),
        new("GET", Project("/repository/commits"), ["ref_name", "per_page", "page"], [], []),
        new("GET", Project("/repository/tree"), ["ref", "recursive", "per_page", "page"], [], []),
        new("GET", Project(@"/repository/files/[^/]+/raw"), ["ref"], [], []),
        new("POST", Project("/repository/commits"), [], ["branch", "commit_message", "actions"], ["start_branch", "author_name", "author_email"]),
        new("GET", Project("/merge_requests"), ["source_branch", "target_branch", "state", "per_page", "page"], [], []),
        new("POST", Project("/merge_requests"), [], ["source_branch", "target_branch", "title"], ["description"]),
        new("PUT", Project(@"/merge_requests/\d+"), [], [], ["title", "description"]),
    ];

    private static readonly string[] ActionKinds = ["create", "update", "delete", "move", "chmod"];

    [Fact]
    public async Task Requests_OfAFullPublishCycle_MatchGitLabsDocumentedApi()
    {
        await using var h = await GitLabHarness.StartAsync();
        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1.0", ("src/a b.cs", "1"), ("gone.txt", "x")), CancellationToken.None);
        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-2", "v1.0", ("src/a b.cs", "2")), CancellationToken.None);
        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-2", "v1.0", ("src/a b.cs", "2")), CancellationToken.None);

        var requests = h.GitLab.Requests;
        Assert.All(requests, r =>
        {
            var documented = Endpoints.SingleOrDefault(e => e.Method == r.Method && e.Path.IsMatch(r.Path));
            Assert.True(documented is not null, $"{r.Method} {r.RawTarget} is not a documented GitLab endpoint");
            Assert.Equal(GitLabHarness.Token, r.PrivateToken);
            Assert.Null(r.Authorization);
            Assert.DoesNotContain(GitLabHarness.Token, r.RawTarget, StringComparison.Ordinal);
            // The only documented error the client expects: 404 from the branch lookup of a new branch.
            Assert.True(r.Status / 100 == 2 || (r.Status == 404 && r.Path.Contains("/repository/branches/", StringComparison.Ordinal)), $"{r.Method} {r.RawTarget} → {r.Status}");

            var query = r.RawTarget.Contains('?', StringComparison.Ordinal) ? r.RawTarget.Split('?', 2)[1].Split('&').Select(p => p.Split('=')[0]).ToList() : [];
            Assert.All(query, q => Assert.Contains(q, documented!.Query));
            if (r.RawTarget.Contains("per_page=", StringComparison.Ordinal))
            {
                Assert.InRange(int.Parse(PerPage().Match(r.RawTarget).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 100);
            }

            if (r.Method is "POST" or "PUT")
            {
                Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
                using var body = JsonDocument.Parse(r.Body);
                var fields = body.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                Assert.All(documented!.RequiredBody, f => Assert.Contains(f, fields));
                Assert.All(fields, f => Assert.Contains(f, documented.RequiredBody.Concat(documented.OptionalBody)));
                if (body.RootElement.TryGetProperty("actions", out var actions))
                {
                    Assert.All(actions.EnumerateArray(), CheckAction);
                }
            }
            else
            {
                Assert.Empty(r.Body);
            }
        });

        // Path parameters are single percent-encoded segments.
        Assert.All(requests, r => Assert.StartsWith("/api/v4/projects/group%2Fproject", r.Path, StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path.EndsWith("/repository/branches/mage%2Fv1.0", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path.EndsWith("/repository/files/.mage%2Fgenerated.json/raw", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.RawTarget.Contains("source_branch=mage%2Fv1.0", StringComparison.Ordinal));
    }

    private static void CheckAction(JsonElement action)
    {
        var fields = action.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(fields, f => Assert.Contains(f, new[] { "action", "file_path", "content", "encoding", "previous_path", "last_commit_id", "execute_filemode" }));
        var kind = action.GetProperty("action").GetString();
        Assert.Contains(kind, ActionKinds);
        Assert.False(string.IsNullOrEmpty(action.GetProperty("file_path").GetString()));
        if (kind is "create" or "update")
        {
            // content is required for create/update; base64 is a documented encoding.
            Assert.Equal("base64", action.GetProperty("encoding").GetString());
            _ = Convert.FromBase64String(action.GetProperty("content").GetString()!);
        }
        else
        {
            Assert.False(action.TryGetProperty("content", out _));
        }
    }

    private static Regex Project(string rest) => new($"^/api/v4/projects/[^/]+{rest}$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"per_page=(\d+)")]
    private static partial Regex PerPage();
}
