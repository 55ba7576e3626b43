using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts;

/// <summary>Log messages of the merge-request step (event ids 6300–6399, stable). None carries a token.</summary>
internal static partial class CodeHostsLog
{
    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Publishing build {BuildId} to {Provider} repository {Repository}, branch {Branch} → {Target}")]
    public static partial void Publishing(ILogger logger, string buildId, string provider, string repository, string branch, string target);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Branch {Branch} already holds the commit of build {BuildId} ({Commit}); not committing again")]
    public static partial void AlreadyCommitted(ILogger logger, string branch, string buildId, string commit);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Information, Message = "Committed {Commit} on {Branch} for build {BuildId}: {Created} created, {Updated} updated, {Deleted} deleted")]
    public static partial void Committed(ILogger logger, string commit, string branch, string buildId, int created, int updated, int deleted);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Information, Message = "Reusing open merge request !{Iid} ({Url}) for branch {Branch}")]
    public static partial void MergeRequestReused(ILogger logger, long iid, string url, string branch);

    [LoggerMessage(EventId = 6305, Level = LogLevel.Information, Message = "Opened merge request !{Iid} ({Url}) for branch {Branch}")]
    public static partial void MergeRequestOpened(ILogger logger, long iid, string url, string branch);

    [LoggerMessage(EventId = 6306, Level = LogLevel.Warning, Message = "GitLab answered {Status} to {Method} {Path}; retry {Attempt} in {Delay}")]
    public static partial void GitLabRetrying(ILogger logger, int status, string method, string path, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 6307, Level = LogLevel.Warning, Message = "GitLab answered {Status} to {Method} {Path}")]
    public static partial void GitLabRefused(ILogger logger, int status, string method, string path);

    [LoggerMessage(EventId = 6308, Level = LogLevel.Information, Message = "Pushed {Commit} to {Repository} branch {Branch} for build {BuildId}")]
    public static partial void Pushed(ILogger logger, string commit, string repository, string branch, string buildId);

    [LoggerMessage(EventId = 6309, Level = LogLevel.Warning, Message = "git {Command} failed with exit code {ExitCode}")]
    public static partial void GitFailed(ILogger logger, string command, int exitCode);

    [LoggerMessage(EventId = 6310, Level = LogLevel.Information, Message = "Build {BuildId}: no change to publish on {Branch} beyond Mage's index")]
    public static partial void NothingChanged(ILogger logger, string buildId, string branch);

    [LoggerMessage(EventId = 6320, Level = LogLevel.Warning, Message = "Merge request step of build {BuildId} failed: {Reason}")]
    public static partial void StepFailed(ILogger logger, string buildId, string reason);

    [LoggerMessage(EventId = 6321, Level = LogLevel.Information, Message = "Merge request of build {BuildId}: {Url}")]
    public static partial void StepDone(ILogger logger, string buildId, string url);
}
