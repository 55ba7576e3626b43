namespace Mage.Cli.Api;

/// <summary>A list body, <c>{ "items": [...] }</c>.</summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed record ItemsPage<T>(IReadOnlyList<T> Items);
