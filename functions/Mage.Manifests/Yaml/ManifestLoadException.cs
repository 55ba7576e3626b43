namespace Mage.Manifests;

/// <summary>Raised inside the loader to stop reading at once when a limit or a broken alias is hit.</summary>
internal sealed class ManifestLoadException(SourcePosition position, string message) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}
