namespace Mage.Builds.Drivers;

/// <summary>What <see cref="IBuildDriver.CreateAsync"/> needs.</summary>
/// <param name="BuildId">The build id: <c>[A-Za-z0-9_-]</c> only (<see cref="BuildIds"/>); names the workspace.</param>
/// <param name="Network">Whether jobs may use the network (the sandbox shares the host network only then).</param>
public sealed record DriverCreateRequest(string BuildId, bool Network = false);
