namespace Mage.Codegen.Configuration;

/// <summary>An endpoint that is not an entity operation; the pack generates a handler for it.</summary>
/// <param name="Name">camelCase name, unique among custom endpoints (the handler's name).</param>
/// <param name="Method">Upper-case HTTP method: GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="Route">Route starting with <c>/</c>; <c>{name}</c> segments are parameters.</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="Calls">The <c>http-call</c> call this endpoint runs, or null for a handler the pack leaves to the developer.</param>
public sealed record CustomEndpoint(string Name, string Method, string Route, string? Description, string? Calls);
