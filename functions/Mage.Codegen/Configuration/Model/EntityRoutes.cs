namespace Mage.Codegen.Configuration;

/// <summary>The HTTP method and route of each entity operation; packs follow it so that routes are the same whatever the pack.</summary>
public static class EntityRoutes
{
    /// <summary>The method and route of <paramref name="operation"/> over the entity routed at <paramref name="route"/>; the key segment is <c>{key}</c>.</summary>
    public static (string Method, string Route) Of(string route, EntityOperation operation)
    {
        ArgumentNullException.ThrowIfNull(route);
        var item = (route == "/" ? string.Empty : route) + "/{key}";
        return operation switch
        {
            EntityOperation.List => ("GET", route),
            EntityOperation.Get => ("GET", item),
            EntityOperation.Create => ("POST", route),
            EntityOperation.Update => ("PUT", item),
            EntityOperation.Delete => ("DELETE", item),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
        };
    }
}
