using Mage.Builds.Records;
using Mage.CodeHosts.GitLab.Api;
using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts.GitLab;

/// <summary>
/// Publishes to GitLab (self-hosted or gitlab.com) through <see cref="GitLabClient"/>: one commit
/// through the Commits API, then the merge request. See <see cref="ICodeHost"/> for the contract.
/// </summary>
/// <remarks>
/// <para>Order: target branch (settings, or the project's default) → does the source branch exist →
/// if it does, is the build's <see cref="MageCommit.Trailer"/> among its newest
/// <see cref="CommitsSearched"/> commits (then no commit) → the file tree of the branch (or of the
/// target when the branch is new) and Mage's index <see cref="GeneratedFilesIndex.Path"/> in it →
/// one commit whose actions are: <c>create</c> for new paths, <c>update</c> for paths whose
/// content differs (compared by git blob id, no download), <c>delete</c> for paths the previous
/// index lists that this build no longer generates, and the new index; a new branch is created in
/// the same call with <c>start_branch</c> → the open merge request from the branch to the target is
/// reused (title and description refreshed) or created; a 409 on creation (another attempt won)
/// reads it again.</para>
/// <para>Two executions at the same moment can both miss the trailer; the second commit then fails
/// (the branch exists now) or lands as a duplicate of the same tree. At-least-once delivery here
/// is sequential, so this window is accepted.</para>
/// </remarks>
public sealed class GitLabCodeHost(GitLabClient client, MergeRequestOptions options, ILogger<GitLabCodeHost> logger) : ICodeHost
{
    /// <summary>How many of the branch's newest commits are searched for the trailer.</summary>
    public const int CommitsSearched = 50;

    /// <inheritdoc />
    public string Provider => "gitlab";

    /// <inheritdoc />
    public async Task<MergeRequestRef> PublishAsync(CodeHostRepository repository, MergeRequestChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrEmpty(repository.Token))
        {
            throw new CodeHostException("no token is stored for the GitLab repository; set repository.token (an access token with the api scope) with PUT /api/services/{service}");
        }

        GeneratedFilesIndex.Validate(change.Files);
        var token = repository.Token;
        var address = GitLabAddress.Parse(repository.Url, repository.Project);
        var target = string.IsNullOrWhiteSpace(repository.TargetBranch)
            ? (await client.GetProjectAsync(address, token, cancellationToken)).DefaultBranch
              ?? throw new CodeHostException($"GitLab project '{address.Project}' has no default branch (is it empty?); push an initial commit or set repository.targetBranch")
            : repository.TargetBranch.Trim();
        CodeHostsLog.Publishing(logger, change.BuildId, Provider, address.Project, change.Branch, target);

        var branchExists = await client.BranchExistsAsync(address, change.Branch, token, cancellationToken);
        var done = branchExists
            ? (await client.ListCommitsAsync(address, change.Branch, CommitsSearched, token, cancellationToken)).FirstOrDefault(c => MageCommit.HasTrailer(c.Message, change.BuildId))
            : null;
        if (done is not null)
        {
            CodeHostsLog.AlreadyCommitted(logger, change.Branch, change.BuildId, done.Id);
        }
        else
        {
            await CommitAsync(address, change, branchExists ? change.Branch : target, branchExists ? null : target, token, cancellationToken);
        }

        return await OpenMergeRequestAsync(address, change, target, token, cancellationToken);
    }

    private async Task CommitAsync(GitLabAddress address, MergeRequestChange change, string baseRef, string? startBranch, string token, CancellationToken cancellationToken)
    {
        var tree = (await client.ListTreeAsync(address, baseRef, token, cancellationToken))
            .Where(e => e.Type == "blob").ToDictionary(e => e.Path, e => e.Id, StringComparer.Ordinal);
        var previous = tree.ContainsKey(GeneratedFilesIndex.Path)
            ? GeneratedFilesIndex.ParsePaths(await client.GetRawFileAsync(address, GeneratedFilesIndex.Path, baseRef, token, cancellationToken))
            : [];

        var actions = new List<GitLabCommitAction>();
        int created = 0, updated = 0;
        foreach (var file in change.Files)
        {
            if (!tree.TryGetValue(file.Path, out var blob))
            {
                actions.Add(GitLabCommitAction.Write("create", file.Path, file.Content));
                created++;
            }
            else if (!string.Equals(blob, GitBlobId.Of(file.Content), StringComparison.OrdinalIgnoreCase))
            {
                actions.Add(GitLabCommitAction.Write("update", file.Path, file.Content));
                updated++;
            }
        }

        var deletions = GeneratedFilesIndex.Stale(previous, change.Files).Where(tree.ContainsKey).ToList();
        actions.AddRange(deletions.Select(GitLabCommitAction.Delete));
        if (actions.Count == 0)
        {
            CodeHostsLog.NothingChanged(logger, change.BuildId, change.Branch);
        }

        // The index always changes (it names the build), so every build makes exactly one commit
        // and that commit carries the trailer the next attempt looks for.
        var index = GeneratedFilesIndex.Serialize(change.BuildId, change.Files);
        actions.Add(GitLabCommitAction.Write(tree.ContainsKey(GeneratedFilesIndex.Path) ? "update" : "create", GeneratedFilesIndex.Path, index));

        var commit = await client.CreateCommitAsync(address, new GitLabCommitRequest(
            change.Branch, MageCommit.WithTrailer(change.CommitMessage, change.BuildId), actions, startBranch, options.AuthorName, options.AuthorEmail), token, cancellationToken);
        CodeHostsLog.Committed(logger, commit.Id, change.Branch, change.BuildId, created, updated, deletions.Count);
    }

    private async Task<MergeRequestRef> OpenMergeRequestAsync(GitLabAddress address, MergeRequestChange change, string target, string token, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var open = (await client.ListOpenMergeRequestsAsync(address, change.Branch, target, token, cancellationToken)).FirstOrDefault();
            if (open is not null)
            {
                var updated = await client.UpdateMergeRequestAsync(address, open.Iid, change.Title, change.Description, token, cancellationToken);
                CodeHostsLog.MergeRequestReused(logger, updated.Iid, updated.WebUrl, change.Branch);
                return new MergeRequestRef(updated.WebUrl, updated.Iid, change.Branch);
            }

            try
            {
                var created = await client.CreateMergeRequestAsync(address, new GitLabMergeRequestWrite(change.Branch, target, change.Title, change.Description), token, cancellationToken);
                CodeHostsLog.MergeRequestOpened(logger, created.Iid, created.WebUrl, change.Branch);
                return new MergeRequestRef(created.WebUrl, created.Iid, change.Branch);
            }
            catch (CodeHostException ex) when (attempt == 0 && ex.Status == 409)
            {
                // "Another open merge request already exists for this source branch": a concurrent
                // attempt opened it between our list and our create; the next list finds it.
            }
        }
    }
}
