namespace Mage.Functions.Endpoints.Catalog;

/// <summary>A list body, <c>{ "items": [...] }</c>, so fields such as a continuation token can be added later.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items.</param>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
