using System.Text;
using System.Text.Json.Nodes;
using Mage.CodeHosts;

namespace Mage.CodeHosts.Tests;

public sealed class GitLabCodeHostTests
{
    [Fact]
    public async Task PublishAsync_NewBranch_CreatesBranchFromTargetWithOneCommitAndOpensMergeRequest()
    {
        await using var h = await GitLabHarness.StartAsync();
        var change = GitLabHarness.Change("svc-1", "v1", ("src/App.cs", "class App {}\n"), ("README.md", "# generated\n"));

        var result = await h.Host.PublishAsync(h.Repository, change, CancellationToken.None);

        var history = h.GitLab.History("mage/v1");
        Assert.Equal(2, history.Count); // the Mage commit on top of main's initial commit
        Assert.Equal(h.GitLab.Head("main")!.Id, history[1].Id);
        Assert.True(MageCommit.HasTrailer(history[0].Message, "svc-1"));
        Assert.Equal("class App {}\n", h.FileText("mage/v1", "src/App.cs"));
        Assert.Equal("# generated\n", h.FileText("mage/v1", "README.md"));
        Assert.Equal(["README.md", "src/App.cs"], GeneratedFilesIndex.ParsePaths(h.GitLab.Head("mage/v1")!.Files[GeneratedFilesIndex.Path]));
        var mr = Assert.Single(h.GitLab.MergeRequests);
        Assert.Equal(("mage/v1", "main", "Mage v1", "Build svc-1"), (mr.SourceBranch, mr.TargetBranch, mr.Title, mr.Description));
        Assert.Equal(new Mage.Builds.Records.MergeRequestRef(h.GitLab.MergeRequestUrl(1), 1, "mage/v1"), result);
    }

    [Fact]
    public async Task PublishAsync_RunTwice_OneCommitAndOneMergeRequest()
    {
        // At-least-once: the second run finds the trailer and the open merge request.
        await using var h = await GitLabHarness.StartAsync();
        var change = GitLabHarness.Change("svc-7", "v2", ("a.txt", "a\n"));

        var first = await h.Host.PublishAsync(h.Repository, change, CancellationToken.None);
        var second = await h.Host.PublishAsync(h.Repository, change, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(2, h.GitLab.History("mage/v2").Count);
        Assert.Single(h.GitLab.MergeRequests);
        Assert.Single(h.GitLab.Requests, r => r.Method == "POST" && r.Path.EndsWith("/repository/commits", StringComparison.Ordinal));
        Assert.Single(h.GitLab.Requests, r => r.Method == "POST" && r.Path.EndsWith("/merge_requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_LaterBuild_UpdatesChangedCreatesNewDeletesNoLongerGeneratedKeepsOthers()
    {
        await using var h = await GitLabHarness.StartAsync();
        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("keep.txt", "same\n"), ("change.txt", "old\n"), ("gone.txt", "bye\n")), CancellationToken.None);
        h.GitLab.Push("mage/v1", "a person's fix", new Dictionary<string, string> { ["HANDWRITTEN.md"] = "mine\n" });

        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-2", "v1", ("keep.txt", "same\n"), ("change.txt", "new\n"), ("added.txt", "hi\n")), CancellationToken.None);

        var commit = JsonNode.Parse(h.GitLab.Requests.Last(r => r.Method == "POST" && r.Path.EndsWith("/repository/commits", StringComparison.Ordinal)).Body)!;
        var actions = commit["actions"]!.AsArray().Select(a => $"{a!["action"]} {a["file_path"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["create added.txt", "delete gone.txt", $"update {GeneratedFilesIndex.Path}", "update change.txt"], actions);
        Assert.Null(commit["start_branch"]); // the branch exists: no start_branch
        var files = h.GitLab.Head("mage/v1")!.Files;
        Assert.False(files.ContainsKey("gone.txt"));
        Assert.Equal("mine\n", Encoding.UTF8.GetString(files["HANDWRITTEN.md"]));
        Assert.Equal("new\n", Encoding.UTF8.GetString(files["change.txt"]));
        Assert.Single(h.GitLab.MergeRequests);
        Assert.Equal(4, h.GitLab.History("mage/v1").Count);
    }

    [Fact]
    public async Task PublishAsync_NewBranchOverTargetWithEarlierMergedIndex_DeletesStaleGeneratedFiles()
    {
        // A merged earlier MR left its index on main: the new branch starts there and drops what is no longer generated.
        var index = Encoding.UTF8.GetString(GeneratedFilesIndex.Serialize("svc-1", [new Mage.Codegen.GeneratedFile("old.txt", [1])]));
        await using var h = await GitLabHarness.StartAsync(new Dictionary<string, string> { ["old.txt"] = "\u0001", [GeneratedFilesIndex.Path] = index, ["README.md"] = "x" });

        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-2", "v2", ("new.txt", "n")), CancellationToken.None);

        var files = h.GitLab.Head("mage/v2")!.Files;
        Assert.False(files.ContainsKey("old.txt"));
        Assert.True(files.ContainsKey("new.txt"));
        Assert.True(files.ContainsKey("README.md"));
    }

    [Fact]
    public async Task PublishAsync_OpenMergeRequestFromAnotherBuild_ReusedWithNewTitleAndDescription()
    {
        await using var h = await GitLabHarness.StartAsync();
        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None);

        var change = GitLabHarness.Change("svc-2", "v1", ("a", "2")) with { Title = "second title", Description = "second description" };
        var result = await h.Host.PublishAsync(h.Repository, change, CancellationToken.None);

        var mr = Assert.Single(h.GitLab.MergeRequests);
        Assert.Equal(("second title", "second description"), (mr.Title, mr.Description));
        Assert.Equal(1, result.Iid);
        Assert.Contains(h.GitLab.Requests, r => r.Method == "PUT" && r.Path.EndsWith("/merge_requests/1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_TreeOfSeveralPages_ReadsEveryPageThroughXNextPage()
    {
        var initial = Enumerable.Range(0, 230).ToDictionary(i => $"src/f{i:D3}.txt", i => $"file {i}\n");
        await using var h = await GitLabHarness.StartAsync(initial);

        // f229 sits on the third page: found there, it is an update and not a (refused) create.
        await h.Host.PublishAsync(h.Repository, GitLabHarness.Change("svc-1", "v1", ("src/f229.txt", "changed\n"), ("src/f000.txt", "file 0\n")), CancellationToken.None);

        var treeRequests = h.GitLab.Requests.Where(r => r.Path.EndsWith("/repository/tree", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, treeRequests.Count); // 230 files + 1 folder at 100 per page
        Assert.Equal("changed\n", h.FileText("mage/v1", "src/f229.txt"));
        var actions = JsonNode.Parse(h.GitLab.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/repository/commits", StringComparison.Ordinal)).Body)!["actions"]!.AsArray();
        Assert.Equal(["update src/f229.txt", $"create {GeneratedFilesIndex.Path}"], actions.Select(a => $"{a!["action"]} {a["file_path"]}"));
    }

    [Fact]
    public async Task PublishAsync_TargetBranchConfigured_UsedWithoutReadingTheProject()
    {
        await using var h = await GitLabHarness.StartAsync();
        h.GitLab.Push("develop", "dev", new Dictionary<string, string> { ["dev.txt"] = "d" });

        await h.Host.PublishAsync(h.Repository with { TargetBranch = "develop" }, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None);

        Assert.Equal("develop", Assert.Single(h.GitLab.MergeRequests).TargetBranch);
        Assert.True(h.GitLab.Head("mage/v1")!.Files.ContainsKey("dev.txt"));
        Assert.DoesNotContain(h.GitLab.Requests, r => r.Path.EndsWith("/projects/group%2Fproject", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_NumericProjectId_Addressed()
    {
        await using var h = await GitLabHarness.StartAsync();

        await h.Host.PublishAsync(h.Repository with { Project = "42" }, GitLabHarness.Change("svc-1", "v1", ("a", "1")), CancellationToken.None);

        Assert.All(h.GitLab.Requests, r => Assert.StartsWith("/api/v4/projects/42", r.Path, StringComparison.Ordinal));
        Assert.Single(h.GitLab.MergeRequests);
    }
}
