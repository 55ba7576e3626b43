namespace Mage.Functions.Endpoints.Catalog;

/// <summary>A variable as the API shows it.</summary>
/// <param name="Key">Variable key.</param>
/// <param name="Value">The value, or <c>xxxxxx</c> when masked.</param>
/// <param name="Masked">True for secrets.</param>
/// <param name="CreatedAt">First set (UTC).</param>
/// <param name="UpdatedAt">Last set (UTC).</param>
public sealed record VariableResponse(string Key, string Value, bool Masked, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
