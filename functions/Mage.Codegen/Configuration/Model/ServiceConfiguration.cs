namespace Mage.Codegen.Configuration;

/// <summary>
/// A service's saved configuration, compiled: every default resolved, every reference checked.
/// This is what code generation consumes. Immutable and thread-safe.
/// </summary>
/// <param name="Service">The service name the configuration describes.</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="Pack">The template pack that turns this configuration into code.</param>
/// <param name="Entities">The data model, in document order.</param>
/// <param name="Endpoints">The HTTP endpoints the generated service exposes.</param>
/// <param name="Spells">The building blocks switched on, each with its options.</param>
public sealed record ServiceConfiguration(
    string Service,
    string? Description,
    PackSource Pack,
    IReadOnlyList<EntityModel> Entities,
    EndpointSet Endpoints,
    SpellSet Spells)
{
    /// <summary>The entity named <paramref name="name"/>, or null.</summary>
    public EntityModel? FindEntity(string name) => Entities.FirstOrDefault(e => e.Name == name);
}
