using Microsoft.Extensions.Configuration;

namespace Mage.Functions.Hosting;

/// <summary>
/// Reads the <c>Values</c> section of an Azure Functions <c>local.settings.json</c>, so the
/// app and the Functions tooling share one settings file.
/// </summary>
/// <remarks>
/// Keys use the environment-variable spelling (<c>Mage__AdminKey</c>); <c>__</c> becomes the
/// configuration separator, exactly as environment variables are mapped. A missing file is
/// not an error; a malformed one is, with its path, because silently ignoring a typo in a
/// settings file hides the setting the user meant to change.
/// </remarks>
public sealed class LocalSettingsConfigurationSource(string path) : IConfigurationSource
{
    /// <summary>The file this source reads.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new LocalSettingsConfigurationProvider(Path);
}
