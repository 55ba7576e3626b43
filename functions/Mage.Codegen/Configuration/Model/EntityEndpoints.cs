namespace Mage.Codegen.Configuration;

/// <summary>The operations exposed over one entity.</summary>
/// <param name="Entity">The entity's name.</param>
/// <param name="Route">Base route, e.g. <c>/customers</c> (default: the entity's name in kebab case, pluralised).</param>
/// <param name="Operations">Operations, in the order of <see cref="EntityOperation"/>, each once.</param>
public sealed record EntityEndpoints(string Entity, string Route, IReadOnlyList<EntityOperation> Operations);
