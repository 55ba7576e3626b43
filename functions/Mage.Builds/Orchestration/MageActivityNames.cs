namespace Mage.Builds.Orchestration;

/// <summary>
/// The names of the build's steps that other projects implement: code generation (Mage.Codegen)
/// and the merge request (Mage.CodeHosts). The orchestrator calls them by name because this
/// project cannot see their types; each host registers every activity under its class name, so
/// these strings must stay equal to those class names (the hosts' task-list tests check it).
/// </summary>
public static class MageActivityNames
{
    /// <summary>Renders the service's code into the workspace: <see cref="GenerateCodeInput"/> → <see cref="GenerateCodeResult"/>.</summary>
    public const string GenerateCode = "GenerateCodeActivity";

    /// <summary>Opens the build's merge request: <see cref="CreateMergeRequestInput"/> → <see cref="MergeRequestOutcome"/>.</summary>
    public const string CreateMergeRequest = "CreateMergeRequestActivity";
}
