namespace Mage.Catalog;

/// <summary>A variable as the API shows it: masked values read back as <see cref="VariableStore.MaskedValue"/>.</summary>
/// <param name="Key">Variable key.</param>
/// <param name="Value">The value, or <c>xxxxxx</c> when masked.</param>
/// <param name="Masked">True for secrets.</param>
/// <param name="CreatedAt">When it was first set (UTC).</param>
/// <param name="UpdatedAt">When it was last set (UTC).</param>
public sealed record VariableRecord(string Key, string Value, bool Masked, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
