namespace Mage.Builds.Tests.Orchestration.Determinism;

/// <summary>Thrown by <see cref="DeterminismGuard.AssertClean"/>; the message lists every violation.</summary>
internal sealed class DeterminismViolationException : Exception
{
    /// <summary>Creates the exception for <paramref name="violations"/>.</summary>
    public DeterminismViolationException(IReadOnlyList<DeterminismViolation> violations)
        : base(BuildMessage(violations))
    {
        Violations = violations;
    }

    /// <summary>Creates the exception without details.</summary>
    public DeterminismViolationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeterminismViolationException(string message)
        : base(message)
    {
        Violations = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DeterminismViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    /// <summary>The violations found.</summary>
    public IReadOnlyList<DeterminismViolation> Violations { get; }

    private static string BuildMessage(IReadOnlyList<DeterminismViolation> violations) =>
        $"Orchestrator code must be deterministic; found {violations.Count} violation(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, violations);
}
