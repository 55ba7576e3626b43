namespace Mage.Codegen.Configuration;

/// <summary><c>crud</c>: the entity operations of <see cref="EndpointSet.Entities"/>, over a store the pack provides.</summary>
/// <param name="PageSize">Items per page of a <c>list</c> when the caller does not ask (default 50).</param>
/// <param name="MaxPageSize">Most items a caller may ask for in one page (default 500).</param>
public sealed record CrudSpell(int PageSize, int MaxPageSize);
