using Mage.Builds.Records;

namespace Mage.CodeHosts;

/// <summary>
/// Publishes a build's generated code to a repository: one commit on the branch
/// <see cref="MergeRequestChange.Branch"/> and, where the host has them, a merge request into the
/// target branch. One implementation per <see cref="Catalog.RepositoryRecord.Provider"/>.
/// </summary>
/// <remarks>
/// Contract for implementations: idempotent under at-least-once execution (a second call for the
/// same <see cref="MergeRequestChange.BuildId"/> makes no second commit and no second merge
/// request: the commit carries <see cref="MageCommit.Trailer"/>, which is looked for first);
/// the token travels only in headers or the environment of child processes, never in URLs,
/// command lines, logs or exception messages. Failures are <see cref="CodeHostException"/>.
/// Thread-safe.
/// </remarks>
public interface ICodeHost
{
    /// <summary>The provider name in the service's repository settings (<c>gitlab</c>, <c>git</c>).</summary>
    string Provider { get; }

    /// <summary>Commits <paramref name="change"/> to <paramref name="repository"/> and opens (or reuses) the merge request.</summary>
    /// <exception cref="CodeHostException">The host refused or could not be reached; <see cref="CodeHostException.Transient"/> says whether a retry may help.</exception>
    Task<MergeRequestRef> PublishAsync(CodeHostRepository repository, MergeRequestChange change, CancellationToken cancellationToken);
}
