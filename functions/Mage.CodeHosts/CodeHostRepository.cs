namespace Mage.CodeHosts;

/// <summary>Where to publish: a service's repository settings with the decrypted token.</summary>
/// <param name="Url">Clone URL (https, ssh, file path); for GitLab also the API's host.</param>
/// <param name="Project">GitLab project id or path (<c>group/project</c>); null derives it from <paramref name="Url"/>.</param>
/// <param name="TargetBranch">Branch the merge request targets; null means the repository's default branch.</param>
/// <param name="Token">Access token, or null. Never printed: <see cref="ToString"/> hides it.</param>
public sealed record CodeHostRepository(string Url, string? Project, string? TargetBranch, string? Token)
{
    /// <summary>The repository without its token, for logs and debugging.</summary>
    public override string ToString() =>
        $"CodeHostRepository {{ Url = {Url}, Project = {Project}, TargetBranch = {TargetBranch}, Token = {(Token is null ? "(none)" : "***")} }}";
}
