namespace Mage.Functions.Endpoints.Catalog;

/// <summary>Body of <c>PUT /api/services/{service}</c>.</summary>
/// <param name="DisplayName">Human-readable name (optional).</param>
/// <param name="Repository">Repository (optional; leaving it out removes it).</param>
/// <param name="DefaultManifest">Default djinn manifest (optional).</param>
public sealed record ServiceRequest(string? DisplayName, RepositoryRequest? Repository, string? DefaultManifest);
