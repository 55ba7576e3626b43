namespace Mage.Builds.Drivers;

/// <summary>
/// What a driver needs to act on a build's environment later, from another activity on the same
/// machine, without in-memory state. Serializable with System.Text.Json.
/// </summary>
/// <remarks>
/// Drivers do not trust a handle blindly: they recompute the workspace from the build id and
/// refuse a handle whose <see cref="Workspace"/> differs, so a tampered handle cannot point a
/// destroy at another folder.
/// </remarks>
/// <param name="DriverType">The driver type that made it (<c>local</c>, <c>sandbox</c>).</param>
/// <param name="BuildId">The build id (<see cref="BuildIds"/> rules).</param>
/// <param name="Workspace">The absolute path of the workspace, where objects, sources and artifacts live.</param>
/// <param name="Network">Whether jobs may use the network (sandbox only; the local driver cannot restrict it).</param>
public sealed record DriverHandle(string DriverType, string BuildId, string Workspace, bool Network = false);
