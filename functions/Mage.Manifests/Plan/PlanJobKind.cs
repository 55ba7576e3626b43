using System.Text.Json.Serialization;

namespace Mage.Manifests;

/// <summary>What a plan job does, so the orchestrator can route builtin jobs to their activities.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanJobKind>))]
public enum PlanJobKind
{
    /// <summary>The builtin <c>create-driver</c> job: creates the driver, places objects; no script.</summary>
    CreateDriver,

    /// <summary>A builtin <c>clone.N</c> job: clones <see cref="PlanJob.Source"/>.</summary>
    Clone,

    /// <summary>A manifest job: runs its script.</summary>
    Script,
}
