using Mage.Builds.Records;
using Mage.Manifests;

namespace Mage.Builds.Submission;

/// <summary>What a submit ended with; each case maps to one HTTP answer.</summary>
public abstract record SubmitOutcome
{
    /// <summary>Registered and scheduled (202), or the earlier build for the same idempotency key.</summary>
    public sealed record Accepted(BuildRecord Build, bool Created) : SubmitOutcome;

    /// <summary>The service does not exist (404).</summary>
    public sealed record UnknownService(string Service) : SubmitOutcome;

    /// <summary>Bad tag or manifest (400), every problem at once.</summary>
    public sealed record Invalid(string Detail, IReadOnlyList<ManifestDiagnostic> Errors) : SubmitOutcome;

    /// <summary>A build with this tag is queued or running (409).</summary>
    public sealed record TagBusy(string Detail) : SubmitOutcome;

    /// <summary>Storage is not reachable (503); nothing was recorded.</summary>
    public sealed record StorageUnavailable(string Detail) : SubmitOutcome;

    /// <summary>A prerequisite is missing, named exactly (422).</summary>
    public sealed record MissingPrerequisite(string Detail) : SubmitOutcome;
}
