namespace Mage.Functions.Security;

/// <summary>The resolved admin key (singleton). Never logged or returned by any route.</summary>
/// <param name="Value">The key.</param>
public sealed record AdminKey(string Value)
{
    /// <inheritdoc />
    public override string ToString() => "AdminKey(***)";
}
