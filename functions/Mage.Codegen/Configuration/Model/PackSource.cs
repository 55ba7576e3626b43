namespace Mage.Codegen.Configuration;

/// <summary>Where the template pack of a service comes from: one of three cases.</summary>
public abstract record PackSource
{
    private PackSource()
    {
    }

    /// <summary>A pack shipped with Mage, e.g. <c>aspnet-minimal-api</c>.</summary>
    /// <param name="Name">The built-in pack's name.</param>
    public sealed record BuiltIn(string Name) : PackSource;

    /// <summary>A pack in a git repository.</summary>
    /// <param name="Url">Clone URL (https, ssh, file).</param>
    /// <param name="Ref">Branch, tag or commit; null for the remote's default branch.</param>
    /// <param name="Path">Folder of the pack inside the repository (relative, no <c>..</c>); empty for the root.</param>
    public sealed record Git(string Url, string? Ref, string Path) : PackSource;

    /// <summary>A pack uploaded as a service object (<c>PUT /api/services/{service}/objects/{name}</c>).</summary>
    /// <param name="Name">The object's name.</param>
    public sealed record Object(string Name) : PackSource;
}
