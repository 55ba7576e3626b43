namespace Mage.Codegen.Configuration;

/// <summary>An operation exposed over an entity (<c>endpoints.entities</c>).</summary>
public enum EntityOperation
{
    /// <summary><c>list</c>: <c>GET {route}</c>, paged.</summary>
    List,

    /// <summary><c>get</c>: <c>GET {route}/{key}</c>.</summary>
    Get,

    /// <summary><c>create</c>: <c>POST {route}</c>.</summary>
    Create,

    /// <summary><c>update</c>: <c>PUT {route}/{key}</c>.</summary>
    Update,

    /// <summary><c>delete</c>: <c>DELETE {route}/{key}</c>.</summary>
    Delete,
}
