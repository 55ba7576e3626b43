namespace Mage.Codegen.Packs;

/// <summary>
/// The packs shipped with the app, in <c>packs/</c> next to its binaries (copied there from the
/// repository's <c>packs/</c> folder at build time). Thread-safe.
/// </summary>
public sealed class BuiltInPacks(string root)
{
    /// <summary>The pack a service gets when its configuration names none.</summary>
    public const string DefaultPack = "aspnet-minimal-api";

    /// <summary>Packs next to the running app.</summary>
    public static BuiltInPacks FromAppDirectory() => new(Path.Combine(AppContext.BaseDirectory, "packs"));

    /// <summary>The folder holding the packs.</summary>
    public string Root { get; } = root;

    /// <summary>Names of the built-in packs, sorted.</summary>
    public IReadOnlyList<string> Names() => Directory.Exists(Root)
        ? [.. Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Loads the built-in pack <paramref name="name"/>.</summary>
    /// <exception cref="TemplatePackException">No such pack, or it is broken.</exception>
    public TemplatePack Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = Names();
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            throw new TemplatePackException(name, new PackProblem(string.Empty, 0,
                $"there is no built-in pack {name} (built-in: {string.Join(", ", names)}); name one of those, or use a git or object pack"));
        }

        return TemplatePackLoader.Load(Path.Combine(Root, name), "builtin:" + name);
    }
}
