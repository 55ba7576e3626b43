namespace Mage.Testing.GitLab;

/// <summary>A merge request in the fake.</summary>
public sealed class FakeGitLabMergeRequest
{
    /// <summary>Project-scoped number.</summary>
    public required long Iid { get; init; }

    /// <summary>Source branch.</summary>
    public required string SourceBranch { get; init; }

    /// <summary>Target branch.</summary>
    public required string TargetBranch { get; init; }

    /// <summary><c>opened</c>, <c>closed</c> or <c>merged</c>.</summary>
    public string State { get; set; } = "opened";

    /// <summary>Title.</summary>
    public required string Title { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }
}
