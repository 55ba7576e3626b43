namespace Mage.Functions.Endpoints.Configuration;

/// <summary>Body of a successful save: the new version, and the warnings the configuration was saved with.</summary>
/// <param name="Version">The new version (1, 2, 3…).</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="Sha256">SHA-256 of the text as saved (UTF-8), lower-case hex.</param>
/// <param name="Warnings">Problems that did not stop the save.</param>
public sealed record ConfigurationSavedResponse(long Version, DateTimeOffset SavedAt, string Sha256, IReadOnlyList<ConfigurationDiagnosticView> Warnings);
