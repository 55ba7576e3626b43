namespace Mage.Azurite;

/// <summary>What <see cref="AzuriteOptions.Installing"/> is told: the pinned version and the folder it goes into.</summary>
/// <param name="Version">The Azurite version from infra/local's package.json, e.g. <c>3.37.0</c>.</param>
/// <param name="Folder">The full path of infra/local.</param>
public sealed record AzuriteInstallNotice(string Version, string Folder);
