namespace Mage.Manifests;

/// <summary>
/// The keys a manifest may use. djinn's keys come first; Mage's additions are few, optional
/// and ignored by djinn (its decoder is not strict): the build <c>timeout</c> and the job <c>timeout</c>.
/// </summary>
public static class ManifestKeys
{
    /// <summary>Top-level keys, in the order they are documented.</summary>
    public static IReadOnlyList<string> TopLevel { get; } =
        ["namespace", "driver", "env", "objects", "sources", "stages", "allow_failures", "jobs", "timeout"];

    /// <summary>Keys of an item of <c>jobs</c>.</summary>
    public static IReadOnlyList<string> Job { get; } = ["stage", "name", "commands", "artifacts", "timeout"];

    /// <summary>Keys Mage adds to djinn's format (top-level and job <c>timeout</c>).</summary>
    public static IReadOnlyList<string> MageAdditions { get; } = ["timeout"];
}
