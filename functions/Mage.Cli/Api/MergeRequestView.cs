namespace Mage.Cli.Api;

/// <summary>The merge request a Mage build opened.</summary>
internal sealed record MergeRequestView(string? Url, long? Iid, string? Branch);
