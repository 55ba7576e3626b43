namespace Mage.Catalog;

/// <summary>
/// A service create or update (PUT semantics: fields left out are cleared, except the
/// repository token, which is kept unless given).
/// </summary>
/// <param name="DisplayName">Human-readable name (optional).</param>
/// <param name="Repository">Where the generated code goes (optional).</param>
/// <param name="DefaultManifest">djinn manifest used when a build submits none (optional).</param>
public sealed record ServiceUpdate(string? DisplayName, RepositoryUpdate? Repository, string? DefaultManifest);
