namespace Mage.Manifests;

/// <summary>
/// A build manifest as read from YAML: djinn's fields plus Mage's optional <c>timeout</c>s.
/// Positions of every node are kept by <see cref="ParseResult"/>, so this model stays plain data.
/// </summary>
/// <param name="Namespace">djinn's <c>namespace</c>, or null.</param>
/// <param name="Driver">The <c>driver</c> map, or null when absent.</param>
/// <param name="Env">The <c>env</c> items, split on the first <c>=</c>.</param>
/// <param name="Objects">The <c>objects</c>: object name to path in the build environment.</param>
/// <param name="Sources">The <c>sources</c> to clone, in order.</param>
/// <param name="Stages">The <c>stages</c>, in the order they run.</param>
/// <param name="AllowFailures">The <c>allow_failures</c> stage names.</param>
/// <param name="Jobs">The <c>jobs</c>, in list order, with their final (defaulted and slugged) names.</param>
/// <param name="Timeout">Mage addition: the whole build's <c>timeout</c>, or null for the deployment default.</param>
public sealed record Manifest(
    string? Namespace,
    ManifestDriver? Driver,
    IReadOnlyList<EnvVariable> Env,
    IReadOnlyList<Passthrough> Objects,
    IReadOnlyList<ManifestSource> Sources,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> AllowFailures,
    IReadOnlyList<ManifestJob> Jobs,
    TimeSpan? Timeout);
