namespace Mage.CodeHosts.Git;

/// <summary>One git invocation as the git provider builds it: what any user could see (<see cref="Arguments"/>) and what only git sees (<see cref="Environment"/>).</summary>
/// <param name="Arguments">Arguments after <c>git</c>; never hold a credential.</param>
/// <param name="WorkingDirectory">Where git runs.</param>
/// <param name="Environment">The complete environment of the process (nothing is inherited); credentials live here.</param>
/// <param name="StandardInput">Text written to git's standard input, or null.</param>
public sealed record GitCommand(IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment, string? StandardInput = null)
{
    /// <summary>The command line as text (safe to log: the arguments never hold a credential).</summary>
    public override string ToString() => "git " + string.Join(' ', Arguments);
}
