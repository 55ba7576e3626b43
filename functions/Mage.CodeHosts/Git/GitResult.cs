namespace Mage.CodeHosts.Git;

/// <summary>What a git invocation produced.</summary>
/// <param name="ExitCode">Exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error, with the token replaced by <c>xxxxxx</c>.</param>
public sealed record GitResult(int ExitCode, string Output, string Error);
