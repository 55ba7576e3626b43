namespace Mage.Manifests;

/// <summary>
/// Bounds applied while reading and checking a manifest. Hostile input must never hang or
/// exhaust memory, and timeouts must stay within what the deployment allows.
/// </summary>
public sealed record ManifestLimits
{
    /// <summary>The limits a deployment uses unless it configures others.</summary>
    public static ManifestLimits Default { get; } = new();

    /// <summary>Largest accepted document, in UTF-8 bytes (default 1 MiB).</summary>
    public int MaxDocumentBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest accepted nesting of lists and mappings (default 64; a manifest needs 4).</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>
    /// How many nodes aliases (<c>*name</c>) may add in total once expanded (default 10 000).
    /// This is what stops a "billion laughs" document.
    /// </summary>
    public long MaxAliasExpansion { get; init; } = 10_000;

    /// <summary>Longest build <c>timeout</c> a manifest may ask for (default 1 h, the deployment's build limit).</summary>
    public TimeSpan MaxBuildTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longest job <c>timeout</c> a manifest may ask for (default 1 h).</summary>
    public TimeSpan MaxJobTimeout { get; init; } = TimeSpan.FromHours(1);
}
