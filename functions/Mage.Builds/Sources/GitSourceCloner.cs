using Mage.Builds.Artifacts;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Sources;

/// <summary>
/// Clones a manifest source into the workspace with the real <c>git</c> (djinn's builtin
/// <c>clone.N</c> jobs): <c>git clone -- &lt;url&gt; &lt;dir&gt;</c>, then
/// <c>git checkout -q &lt;ref&gt; --</c> when a ref is given.
/// </summary>
/// <remarks>
/// <para>Never hangs on a prompt: <c>GIT_TERMINAL_PROMPT=0</c>, no askpass helper, ssh in batch
/// mode, stdin closed, and no controlling terminal (its own session).</para>
/// <para>Never puts credentials on a command line (where any user sees them): credentials in the
/// URL (<c>https://user:token@host/…</c>) are removed from it and handed to git through the
/// environment and a credential helper; the output shows the URL without them.</para>
/// <para>The clone runs through <see cref="JobProcess"/> registered under the workspace's folder
/// name (the build id for the workspace drivers), so a build kill stops it too; cancellation
/// kills it (result <see cref="JobOutcome.Killed"/>).</para>
/// <para>The destination must stay inside the workspace (relative, no <c>..</c>, no symbolic link
/// along it). Thread-safe.</para>
/// </remarks>
public sealed class GitSourceCloner
{
    private const string CredentialHelper =
        "!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' \"$MAGE_GIT_USERNAME\" \"$MAGE_GIT_PASSWORD\"; }; f";

    private readonly JobProcess jobProcess;
    private readonly ILogger logger;

    /// <summary>Creates a cloner that runs git through <paramref name="jobProcess"/>.</summary>
    public GitSourceCloner(JobProcess jobProcess, ILogger<GitSourceCloner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(jobProcess);
        this.jobProcess = jobProcess;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// The default folder for <paramref name="url"/>, as djinn: the last <c>/</c>-separated part with
    /// a trailing <c>.git</c> removed (<c>https://x/y/mgrt.git</c> → <c>mgrt</c>).
    /// </summary>
    public static string DefaultDirectory(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var last = url.TrimEnd('/').Split('/')[^1];
        return last.EndsWith(".git", StringComparison.Ordinal) ? last[..^4] : last;
    }

    /// <summary>Clones <paramref name="url"/> into <paramref name="directory"/> of <paramref name="workspace"/>.</summary>
    /// <param name="workspace">The workspace folder.</param>
    /// <param name="url">The repository URL (https, ssh, git, file, or a local path).</param>
    /// <param name="gitRef">A branch, tag or commit to check out; <see langword="null"/> or empty for the default branch.</param>
    /// <param name="directory">The folder relative to the workspace; <see langword="null"/> or empty for <see cref="DefaultDirectory"/>.</param>
    /// <param name="output">Receives git's output (flushed, not completed).</param>
    /// <param name="environment">Extra variables for git (proxy settings, for example); the host's environment is not inherited.</param>
    /// <param name="cancellationToken">Kills the clone.</param>
    /// <returns><see cref="JobOutcome.Failed"/> with git's message in the output when the repository or ref does not exist, or the input is refused.</returns>
    public async Task<JobRunResult> CloneAsync(
        string workspace,
        string url,
        string? gitRef,
        string? directory,
        IJobOutput output,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(output);
        var startedAt = DateTimeOffset.UtcNow;
        var folder = string.IsNullOrWhiteSpace(directory) ? DefaultDirectory(url) : directory.Trim();
        var (safeUrl, user, password) = SplitCredentials(url.Trim());

        if (Refusal(safeUrl, gitRef, folder, workspace) is { } refusal)
        {
            SourceLog.Refused(logger, safeUrl, refusal);
            await output.WriteLineAsync($"[mage] clone {safeUrl} refused: {refusal}", CancellationToken.None);
            return new JobRunResult(JobOutcome.Failed, null, startedAt, DateTimeOffset.UtcNow);
        }

        var gitEnvironment = GitEnvironment(workspace, environment, user, password);
        var buildId = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspace)));
        SourceLog.Cloning(logger, safeUrl, folder, gitRef ?? "");
        await output.WriteLineAsync($"[mage] git clone {safeUrl} {folder}", CancellationToken.None);

        var clone = await jobProcess.RunAsync(
            buildId,
            "clone " + folder,
            new JobProcessStart("git", ["clone", "--", safeUrl, folder], workspace, gitEnvironment, null),
            output,
            cancellationToken);
        if (clone.Outcome != JobOutcome.Passed || string.IsNullOrWhiteSpace(gitRef))
        {
            return clone with { StartedAt = startedAt };
        }

        await output.WriteLineAsync($"[mage] git checkout {gitRef}", CancellationToken.None);
        var checkout = await jobProcess.RunAsync(
            buildId,
            "checkout " + folder,
            new JobProcessStart("git", ["checkout", "-q", gitRef.Trim(), "--"], Path.Combine(workspace, folder), gitEnvironment, null),
            output,
            cancellationToken);
        return checkout with { StartedAt = startedAt };
    }

    private static string? Refusal(string url, string? gitRef, string folder, string workspace)
    {
        if (url.Length == 0 || url.StartsWith('-') || url.Any(char.IsControl))
        {
            return "the URL is empty, starts with '-' or contains control characters";
        }

        if (!string.IsNullOrWhiteSpace(gitRef) && (gitRef.Trim().StartsWith('-') || gitRef.Any(char.IsControl)))
        {
            return $"the ref {gitRef} starts with '-' or contains control characters";
        }

        if (WorkspacePaths.TrySplit(folder, out var segments) is { } problem)
        {
            return $"the directory {folder} is not acceptable: {problem}";
        }

        var current = WorkspacePaths.RealPath(workspace);
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            if (WorkspacePaths.Kind(current) == WorkspacePaths.EntryKind.Link)
            {
                return $"the directory {folder} goes through a symbolic link";
            }
        }

        return null;
    }

    // Credentials leave the URL (argv is public through /proc) and travel in the environment.
    private static (string Url, string? User, string? Password) SplitCredentials(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.UserInfo)
            || uri.Scheme is not ("http" or "https"))
        {
            return (url, null, null);
        }

        var parts = uri.UserInfo.Split(':', 2);
        var safe = new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        return (safe, Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static Dictionary<string, string> GitEnvironment(
        string workspace,
        IReadOnlyDictionary<string, string> requested,
        string? user,
        string? password)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["HOME"] = workspace,
            ["LANG"] = "C.UTF-8",
        };
        foreach (var (name, value) in requested ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        // Enforced whatever the caller gave: never wait for a human.
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_ASKPASS"] = "/bin/false";
        environment["SSH_ASKPASS"] = "/bin/false";
        environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes";
        if (user is not null)
        {
            environment["MAGE_GIT_USERNAME"] = user;
            environment["MAGE_GIT_PASSWORD"] = password ?? "";
            environment["GIT_CONFIG_COUNT"] = "1";
            environment["GIT_CONFIG_KEY_0"] = "credential.helper";
            environment["GIT_CONFIG_VALUE_0"] = CredentialHelper;
        }

        return environment;
    }
}
