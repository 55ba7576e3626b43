namespace Mage.Functions.Security;

/// <summary>
/// The resolved admin key (singleton), and during a rotation the key it replaces
/// (<c>Mage__PreviousAdminKey</c>), valid until that setting is removed. Never logged or returned by any route.
/// </summary>
/// <param name="Value">The key.</param>
/// <param name="Previous">The key being rotated out, or null.</param>
public sealed record AdminKey(string Value, string? Previous = null)
{
    /// <summary>Constant-time check of <paramref name="presented"/> against the key and the previous key.</summary>
    public bool Matches(string presented)
    {
        // Both comparisons always run, so timing does not tell which key was close.
        var current = ApiKeyComparer.Matches(presented, Value);
        var previous = Previous is not null && ApiKeyComparer.Matches(presented, Previous);
        return current | previous;
    }

    /// <inheritdoc />
    public override string ToString() => "AdminKey(***)";
}
