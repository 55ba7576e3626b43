namespace Mage.Testing;

/// <summary>
/// Unique resource names so parallel tests never collide: lowercase letters and digits, starting with a
/// letter, 3..63 characters — valid at once for containers, queues and tables.
/// </summary>
public static class TestNames
{
    /// <summary>
    /// <paramref name="prefix"/> (non-alphanumerics dropped, lowercased, "t" if empty or not starting with a letter)
    /// followed by 16 random hex digits; truncated to 63.
    /// </summary>
    public static string Unique(string prefix = "t")
    {
        string clean = new((prefix ?? "").ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }
        string suffix = Guid.NewGuid().ToString("N")[..16];
        clean = clean.Length > 63 - suffix.Length ? clean[..(63 - suffix.Length)] : clean;
        return clean + suffix;
    }
}
