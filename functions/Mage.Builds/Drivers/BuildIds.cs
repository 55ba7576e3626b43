namespace Mage.Builds.Drivers;

/// <summary>
/// Build id rules for anything that becomes a path: 1–128 characters of <c>[A-Za-z0-9_-]</c>, so a
/// build id is never a path (no separators, no <c>.</c> or <c>..</c>).
/// </summary>
public static class BuildIds
{
    /// <summary>The longest accepted build id.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="buildId"/> follows the rules.</summary>
    public static bool IsValid(string? buildId) =>
        !string.IsNullOrEmpty(buildId)
        && buildId.Length <= MaxLength
        && buildId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="buildId"/> is valid.</summary>
    public static string Validate(string? buildId) => IsValid(buildId)
        ? buildId!
        : throw new ArgumentException(
            $"build id '{buildId}' is not valid: use 1 to {MaxLength} characters of A-Z, a-z, 0-9, '-' and '_'",
            nameof(buildId));
}
