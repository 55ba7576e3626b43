using Mage.Builds.Logs;
using Mage.Codegen.Configuration;
using Microsoft.Extensions.Logging;

namespace Mage.Codegen.Packs;

/// <summary>
/// The <c>defaultManifest</c> of the pack a configuration names, for a build without a manifest
/// (submit time). Git and uploaded packs are fetched into a temporary folder that is removed
/// afterwards. A pack that cannot be fetched answers null (the submit then names the missing
/// manifest) and is logged. Thread-safe.
/// </summary>
public sealed class PackDefaultManifestSource(TemplatePackResolver packs, ILogger<PackDefaultManifestSource> logger) : IPackDefaultManifestSource
{
    /// <inheritdoc />
    public async Task<string?> GetDefaultManifestAsync(string service, ServiceConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var scratch = Path.Combine(Path.GetTempPath(), "mage-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pack = await packs.ResolveAsync(service, configuration.Pack, scratch, NullJobOutput.Instance, cancellationToken);
            return pack.Manifest.DefaultManifest;
        }
        catch (TemplatePackException ex)
        {
            CodegenLog.DefaultManifestUnavailable(logger, service, ex.Message);
            return null;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
