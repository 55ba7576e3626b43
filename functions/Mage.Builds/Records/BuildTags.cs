namespace Mage.Builds.Records;

/// <summary>
/// A tag names the build and, in Mage, the branch <c>mage/&lt;tag&gt;</c> of its merge request,
/// so it must be a valid git branch-name component (git-check-ref-format).
/// </summary>
public static class BuildTags
{
    /// <summary>Longest accepted tag.</summary>
    public const int MaxLength = 100;

    /// <summary>Null when <paramref name="tag"/> is valid, otherwise what is wrong and how to fix it.</summary>
    public static string? Validate(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return "tag is required, e.g. \"v1.4.0\".";
        }

        if (tag.Length > MaxLength)
        {
            return $"tag is {tag.Length} characters long; at most {MaxLength} are allowed.";
        }

        foreach (var c in tag)
        {
            if (char.IsControl(c) || c == ' ')
            {
                return "tag must not contain spaces or control characters.";
            }

            if ("~^:?*[\\/".Contains(c, StringComparison.Ordinal))
            {
                return $"tag must not contain '{c}' (git forbids ~ ^ : ? * [ \\ in branch names, and / would make it more than one component).";
            }
        }

        return tag switch
        {
            _ when tag.Contains("..", StringComparison.Ordinal) => "tag must not contain '..'.",
            _ when tag.Contains("@{", StringComparison.Ordinal) => "tag must not contain '@{'.",
            "@" => "tag must not be '@'.",
            _ when tag.StartsWith('-') => "tag must not start with '-'.",
            _ when tag.StartsWith('.') || tag.EndsWith('.') => "tag must not start or end with '.'.",
            _ when tag.EndsWith(".lock", StringComparison.Ordinal) => "tag must not end with '.lock'.",
            _ => null,
        };
    }
}
