namespace Mage.Manifests;

/// <summary>One item of <c>jobs</c>.</summary>
/// <param name="Stage">The stage it belongs to.</param>
/// <param name="Name">The final name: the given <c>name</c> or <c>&lt;stage&gt;.&lt;n&gt;</c>, slugged as djinn does.</param>
/// <param name="Commands">Shell commands, one per line of the job script.</param>
/// <param name="Artifacts">Files collected when the job ends.</param>
/// <param name="Timeout">Mage addition: the job's <c>timeout</c>, or null for none beyond the build's.</param>
public sealed record ManifestJob(
    string Stage,
    string Name,
    IReadOnlyList<string> Commands,
    IReadOnlyList<Passthrough> Artifacts,
    TimeSpan? Timeout);
