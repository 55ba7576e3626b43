using Mage.Builds;
namespace Mage.Codegen.Configuration;

/// <summary>Where saved configurations live, under the task hub like every other table and container.</summary>
/// <param name="TaskHub">The prefix (<see cref="MageOptions.TaskHub"/>).</param>
public sealed record ConfigurationStorageNames(string TaskHub)
{
    /// <summary>Versions (PartitionKey = service, RowKey = zero-padded version) and each service's counter.</summary>
    public string Table => TaskHub + "Configurations";

    /// <summary>Texts too large for a table property: <c>{service}/{sha256}</c>.</summary>
    public string Container => TaskHub.ToLowerInvariant() + "-configurations";
}
