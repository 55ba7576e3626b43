namespace Mage.Builds.Tests.Orchestration.Determinism;

/// <summary>One non-deterministic API use found in orchestrator source.</summary>
/// <param name="File">Source file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Api">The API as written, for example "DateTime.UtcNow".</param>
/// <param name="Advice">What to use instead.</param>
internal sealed record DeterminismViolation(string File, int Line, string Api, string Advice)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}({Line}): {Api} is not replay-safe; {Advice}";
}
