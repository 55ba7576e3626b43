namespace Mage.CodeHosts;

/// <summary>
/// The marker that makes publishing idempotent: every commit Mage makes ends with the git trailer
/// <c>Mage-Build: &lt;build id&gt;</c>; before committing, a host looks for it on the branch.
/// </summary>
public static class MageCommit
{
    /// <summary>Trailer key.</summary>
    public const string TrailerKey = "Mage-Build";

    /// <summary>The trailer line of <paramref name="buildId"/>.</summary>
    public static string Trailer(string buildId) => $"{TrailerKey}: {buildId}";

    /// <summary><paramref name="message"/> followed by a blank line and the trailer.</summary>
    public static string WithTrailer(string message, string buildId) => $"{message.TrimEnd()}\n\n{Trailer(buildId)}\n";

    /// <summary>True when a line of <paramref name="message"/> is exactly the trailer of <paramref name="buildId"/>.</summary>
    public static bool HasTrailer(string? message, string buildId)
    {
        if (string.IsNullOrEmpty(message))
        {
            return false;
        }

        var trailer = Trailer(buildId);
        return message.Split('\n').Any(line => string.Equals(line.TrimEnd('\r', ' '), trailer, StringComparison.Ordinal));
    }
}
