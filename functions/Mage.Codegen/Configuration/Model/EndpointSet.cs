namespace Mage.Codegen.Configuration;

/// <summary>The endpoints of the generated service.</summary>
/// <param name="Entities">Operations exposed per entity (resolved: with the <c>crud</c> spell and no <c>endpoints.entities</c>, every entity with every operation).</param>
/// <param name="Custom">Hand-named endpoints, in document order.</param>
public sealed record EndpointSet(IReadOnlyList<EntityEndpoints> Entities, IReadOnlyList<CustomEndpoint> Custom);
