namespace Mage.Builds.Records;

/// <summary>The merge request a build opened.</summary>
/// <param name="Url">Web address of the merge request (or of the pushed branch for plain git).</param>
/// <param name="Iid">Project-scoped number, when the code host has one.</param>
/// <param name="Branch">Source branch, <c>mage/&lt;tag&gt;</c>.</param>
public sealed record MergeRequestRef(string Url, long? Iid, string Branch);
