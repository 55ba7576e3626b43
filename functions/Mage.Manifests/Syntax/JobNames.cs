using System.Text.RegularExpressions;

namespace Mage.Manifests;

/// <summary>djinn's job naming: default names and slugging.</summary>
public static partial class JobNames
{
    /// <summary>
    /// Slugs a name as djinn's server does: trim, replace every character other than
    /// letters, digits and <c>.</c> with <c>-</c>, collapse runs of <c>-</c>, trim <c>-</c>, lowercase.
    /// <c>Make SQLite3</c> becomes <c>make-sqlite3</c>.
    /// </summary>
    public static string Slug(string name)
    {
        var replaced = NotAllowed().Replace(name.Trim(), "-");
        var collapsed = Dashes().Replace(replaced, "-");
        return collapsed.Trim('-').ToLowerInvariant();
    }

    /// <summary>
    /// The default name of each job, <c>&lt;stage&gt;.&lt;n&gt;</c>, where n starts at 1 and
    /// resets whenever a job's stage differs from the previous job's (so test, build, test
    /// give test.1, build.1, test.1, as in djinn).
    /// </summary>
    public static IReadOnlyList<string> Defaults(IReadOnlyList<string> stagesInJobOrder)
    {
        var names = new List<string>(stagesInJobOrder.Count);
        string? previous = null;
        var n = 0;
        foreach (var stage in stagesInJobOrder)
        {
            n = stage == previous ? n + 1 : 1;
            previous = stage;
            names.Add($"{stage}.{n}");
        }

        return names;
    }

    [GeneratedRegex("[^a-zA-Z0-9.]")]
    private static partial Regex NotAllowed();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
