namespace Mage.Codegen.Configuration;

/// <summary>A saved version with its text exactly as it was sent.</summary>
/// <param name="Saved">The version's record.</param>
/// <param name="Text">The text as saved.</param>
public sealed record SavedConfigurationText(SavedConfiguration Saved, string Text);
