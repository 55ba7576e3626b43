namespace Mage.Cli.Api;

/// <summary>A stage of a build view.</summary>
internal sealed record StageView(string Name, string Status, bool CanFail, IReadOnlyList<JobView>? Jobs);
