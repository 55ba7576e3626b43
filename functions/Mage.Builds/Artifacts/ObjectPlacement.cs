namespace Mage.Builds.Artifacts;

/// <summary>Where an object goes in the workspace, or why it may not go there.</summary>
/// <param name="Destination">The destination as given.</param>
/// <param name="FullPath">The absolute path inside the workspace; <see langword="null"/> when refused.</param>
/// <param name="Refusal">The message for the log (<c>object … refused: …</c>); <see langword="null"/> when accepted.</param>
public sealed record ObjectPlacement(string Destination, string? FullPath, string? Refusal)
{
    /// <summary>Whether the destination was refused.</summary>
    public bool IsRefused => Refusal is not null;
}
