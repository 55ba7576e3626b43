namespace Mage.Codegen.Configuration;

/// <summary>One saved version of a service's configuration, without its text.</summary>
/// <param name="Service">The service.</param>
/// <param name="Version">1, 2, 3… without gaps.</param>
/// <param name="SavedAt">When it was saved (UTC).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the text's UTF-8 bytes.</param>
/// <param name="Size">Size of the text in UTF-8 bytes.</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>, as sent.</param>
public sealed record SavedConfiguration(string Service, long Version, DateTimeOffset SavedAt, string Sha256, long Size, string Format);
