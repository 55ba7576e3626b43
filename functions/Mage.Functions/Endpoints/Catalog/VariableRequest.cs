namespace Mage.Functions.Endpoints.Catalog;

/// <summary>Body of <c>PUT /api/services/{service}/variables/{key}</c>.</summary>
/// <param name="Value">The value (required).</param>
/// <param name="Masked">True for secrets: encrypted at rest, read back as <c>xxxxxx</c>, masked in logs; at least 6 characters.</param>
public sealed record VariableRequest(string? Value, bool? Masked)
{
    /// <summary>Never prints the value.</summary>
    public override string ToString() => $"VariableRequest {{ Masked = {Masked} }}";
}
