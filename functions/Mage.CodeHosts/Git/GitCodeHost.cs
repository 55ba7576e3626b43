using Mage.Builds.Records;
using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts.Git;

/// <summary>
/// Publishes to any remote a <c>git push</c> reaches (a path, <c>file://</c>, ssh, https) with the
/// real git: commit on the branch and push. No merge request API: the result names the pushed
/// branch (<c>&lt;url&gt;#mage/&lt;tag&gt;</c>, no iid). See <see cref="ICodeHost"/> for the contract.
/// </summary>
/// <remarks>
/// <para>Each call works in its own temporary repository, removed afterwards: fetch the target
/// branch (the remote's HEAD when none is configured) and the source branch if it exists; when
/// the source branch already holds a commit with the build's <see cref="MageCommit.Trailer"/>
/// among its newest <see cref="CommitsSearched"/>, stop there; otherwise check the branch out (or
/// start it from the target), delete the files the previous <see cref="GeneratedFilesIndex"/> lists
/// that this build no longer generates, write every generated file and the new index, commit and
/// push. A push that lost a race (non-fast-forward) is a transient failure: the retry fetches
/// again and finds the trailer or builds on the new head.</para>
/// <para>Credentials never reach a command line: see <see cref="GitRemote"/>.</para>
/// </remarks>
public sealed class GitCodeHost(GitRunner git, MergeRequestOptions options, ILogger<GitCodeHost> logger) : ICodeHost
{
    /// <summary>How many of the branch's newest commits are searched for the trailer.</summary>
    public const int CommitsSearched = 50;

    private const string RemoteRefs = "refs/remotes/origin/";

    /// <inheritdoc />
    public string Provider => "git";

    /// <inheritdoc />
    public async Task<MergeRequestRef> PublishAsync(CodeHostRepository repository, MergeRequestChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(change);
        GeneratedFilesIndex.Validate(change.Files);
        if (change.Branch.StartsWith('-') || change.Branch.Any(c => char.IsControl(c) || c == ' '))
        {
            throw new CodeHostException($"branch '{change.Branch}' is not a valid git branch name");
        }

        var work = Directory.CreateTempSubdirectory("mage-publish-").FullName;
        try
        {
            var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
            var remote = GitRemote.Create(repository.Url, repository.Token, home, options.AuthorName, options.AuthorEmail);
            var session = new GitSession(git, remote, Path.Combine(work, "repo"), logger);
            await session.RunAsync(work, ["init", "-q", "repo"], cancellationToken);
            var target = string.IsNullOrWhiteSpace(repository.TargetBranch) ? await session.RemoteHeadAsync(cancellationToken) : repository.TargetBranch.Trim();
            CodeHostsLog.Publishing(logger, change.BuildId, Provider, remote.Url, change.Branch, target);

            var heads = await session.RemoteBranchesAsync([target, change.Branch], cancellationToken);
            if (!heads.Contains(target))
            {
                throw new CodeHostException($"the target branch '{target}' does not exist in {remote.Url}; push it first or set repository.targetBranch");
            }

            var branchExists = heads.Contains(change.Branch);
            List<string> fetch = ["fetch", "-q", "--no-tags", "--", remote.Url, $"+refs/heads/{target}:{RemoteRefs}{target}"];
            if (branchExists)
            {
                fetch.Add($"+refs/heads/{change.Branch}:{RemoteRefs}{change.Branch}");
            }

            await session.RunAsync(session.Repository, fetch, cancellationToken);
            var result = new MergeRequestRef($"{remote.Url}#{change.Branch}", null, change.Branch);
            if (branchExists && await session.FindTrailerAsync(RemoteRefs + change.Branch, change.BuildId, CommitsSearched, cancellationToken) is { } done)
            {
                CodeHostsLog.AlreadyCommitted(logger, change.Branch, change.BuildId, done);
                return result;
            }

            await session.RunAsync(session.Repository, ["checkout", "-q", "-B", change.Branch, RemoteRefs + (branchExists ? change.Branch : target), "--"], cancellationToken);
            var (created, updated, deleted) = WriteTree(session.Repository, change);
            await session.RunAsync(session.Repository, ["add", "-A", "--", "."], cancellationToken);
            await session.RunAsync(session.Repository, ["commit", "-q", "--no-verify", "-F", "-"], cancellationToken, MageCommit.WithTrailer(change.CommitMessage, change.BuildId));
            var head = (await session.RunAsync(session.Repository, ["rev-parse", "HEAD"], cancellationToken)).Output.Trim();
            CodeHostsLog.Committed(logger, head, change.Branch, change.BuildId, created, updated, deleted);
            await session.RunAsync(session.Repository, ["push", "-q", "--no-verify", "--", remote.Url, $"HEAD:refs/heads/{change.Branch}"], cancellationToken);
            CodeHostsLog.Pushed(logger, head, remote.Url, change.Branch, change.BuildId);
            return result;
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>Replaces the generated files in the checkout; refuses paths that go through a symbolic link of the repository.</summary>
    private static (int Created, int Updated, int Deleted) WriteTree(string repository, MergeRequestChange change)
    {
        var indexPath = Path.Combine(repository, GeneratedFilesIndex.Path);
        var previous = File.Exists(indexPath) && !IsLink(indexPath) ? GeneratedFilesIndex.ParsePaths(File.ReadAllBytes(indexPath)) : [];
        var deleted = 0;
        foreach (var stale in GeneratedFilesIndex.Stale(previous, change.Files))
        {
            var full = SafePath(repository, stale);
            if (File.Exists(full) || IsLink(full))
            {
                File.Delete(full);
                deleted++;
            }
        }

        int created = 0, updated = 0;
        foreach (var file in change.Files.Append(new Codegen.GeneratedFile(GeneratedFilesIndex.Path, GeneratedFilesIndex.Serialize(change.BuildId, change.Files))))
        {
            var full = SafePath(repository, file.Path);
            if (File.Exists(full))
            {
                if (!File.ReadAllBytes(full).AsSpan().SequenceEqual(file.Content))
                {
                    updated++;
                }
            }
            else
            {
                created++;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, file.Content);
        }

        return (created, updated, deleted);
    }

    private static string SafePath(string repository, string relative)
    {
        var current = repository;
        foreach (var segment in relative.Split('/'))
        {
            current = Path.Combine(current, segment);
            if (IsLink(current))
            {
                throw new CodeHostException($"generated file '{relative}' cannot be written: the repository has a symbolic link at '{Path.GetRelativePath(repository, current)}'");
            }
        }

        return current;
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the publish result does not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: git's read-only pack files are removable by the owner, so this is rare.
        }
    }
}
