using Mage.Codegen.Configuration;

namespace Mage.Functions.Endpoints.Configuration;

/// <summary>One item of <c>GET …/configuration/versions</c>.</summary>
/// <param name="Version">The version.</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="Sha256">SHA-256 of its text.</param>
/// <param name="Size">Size of its text in UTF-8 bytes.</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>.</param>
public sealed record ConfigurationVersionResponse(long Version, DateTimeOffset SavedAt, string Sha256, long Size, string Format)
{
    /// <summary>The view of a saved version.</summary>
    public static ConfigurationVersionResponse Of(SavedConfiguration saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return new(saved.Version, saved.SavedAt, saved.Sha256, saved.Size, saved.Format);
    }
}
