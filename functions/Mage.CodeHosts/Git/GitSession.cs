using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts.Git;

/// <summary>The git commands of one publish against one remote, in one temporary repository. Not thread-safe.</summary>
internal sealed class GitSession(GitRunner git, GitRemote remote, string repository, ILogger logger)
{
    /// <summary>The temporary repository.</summary>
    public string Repository => repository;

    /// <summary>Runs git; a non-zero exit becomes a <see cref="CodeHostException"/> with git's message (token scrubbed).</summary>
    public async Task<GitResult> RunAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? input = null)
    {
        var command = new GitCommand(arguments, directory, remote.Environment, input);
        var result = await git.RunAsync(command, remote.Token, cancellationToken);
        if (result.ExitCode != 0)
        {
            CodeHostsLog.GitFailed(logger, arguments[0], result.ExitCode);
            throw Classify(arguments[0], result.Error);
        }

        return result;
    }

    /// <summary>The branch the remote's HEAD points to.</summary>
    public async Task<string> RemoteHeadAsync(CancellationToken cancellationToken)
    {
        var output = (await RunAsync(repository, ["ls-remote", "--symref", "--", remote.Url, "HEAD"], cancellationToken)).Output;
        foreach (var line in output.Split('\n'))
        {
            const string prefix = "ref: refs/heads/";
            if (line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith("\tHEAD", StringComparison.Ordinal))
            {
                return line[prefix.Length..^"\tHEAD".Length];
            }
        }

        throw new CodeHostException($"{remote.Url} has no default branch (is it empty?); push an initial commit or set repository.targetBranch");
    }

    /// <summary>Which of <paramref name="branches"/> exist on the remote.</summary>
    public async Task<HashSet<string>> RemoteBranchesAsync(IEnumerable<string> branches, CancellationToken cancellationToken)
    {
        List<string> arguments = ["ls-remote", "--heads", "--", remote.Url];
        arguments.AddRange(branches.Select(b => "refs/heads/" + b));
        var output = (await RunAsync(repository, arguments, cancellationToken)).Output;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith("refs/heads/", StringComparison.Ordinal))
            .Select(parts => parts[1]["refs/heads/".Length..].Trim())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The newest commit of <paramref name="gitRef"/> (among <paramref name="count"/>) that carries the build's trailer, or null.</summary>
    public async Task<string?> FindTrailerAsync(string gitRef, string buildId, int count, CancellationToken cancellationToken)
    {
        var output = (await RunAsync(repository, ["log", $"-n{count}", "--format=%H%x00%B%x1e", gitRef, "--"], cancellationToken)).Output;
        foreach (var entry in output.Split('\u001e'))
        {
            var parts = entry.Split('\0', 2);
            if (parts.Length == 2 && MageCommit.HasTrailer(parts[1], buildId))
            {
                return parts[0].Trim();
            }
        }

        return null;
    }

    /// <summary>A failure message that says what to fix; network trouble and lost races are transient.</summary>
    private CodeHostException Classify(string verb, string error)
    {
        var said = string.Join(' ', error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6));
        if (said.Length > 600)
        {
            said = said[..600] + "…";
        }

        string[] auth = ["Authentication failed", "could not read Username", "could not read Password", "Permission denied", "HTTP Basic: Access denied",
            "error: 403", "error: 401", "HTTP 403", "HTTP 401"];
        string[] missing = ["does not appear to be a git repository", "Repository not found", "not found", "No such file or directory"];
        string[] races = ["[rejected]", "non-fast-forward", "fetch first", "failed to update ref", "cannot lock ref"];
        string[] network = ["Could not resolve host", "Connection refused", "Connection timed out", "timed out", "unable to access", "early EOF", "Connection reset", "The remote end hung up"];
        // git quotes the remote's address; what it says about the address must not be read in it
        // (a path or host with "403" in it is not a refusal).
        var reason = said.Replace(remote.Url, "<remote>", StringComparison.Ordinal);
        if (auth.Any(a => reason.Contains(a, StringComparison.OrdinalIgnoreCase)))
        {
            return new CodeHostException($"git {verb} to {remote.Url} was refused for lack of credentials or permission; store a token that may push (repository.token) for https, or give the app's ssh key write access. git said: {said}");
        }

        if (races.Any(r => reason.Contains(r, StringComparison.OrdinalIgnoreCase)))
        {
            return new CodeHostException($"git {verb} to {remote.Url} lost a race with another push; the step will be retried. git said: {said}", transient: true);
        }

        if (missing.Any(m => reason.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return new CodeHostException($"git {verb}: the repository {remote.Url} was not found; check repository.url. git said: {said}");
        }

        return network.Any(n => reason.Contains(n, StringComparison.OrdinalIgnoreCase))
            ? new CodeHostException($"git {verb}: {remote.Url} could not be reached; the step will be retried. git said: {said}", transient: true)
            : new CodeHostException($"git {verb} failed. git said: {said}");
    }
}
