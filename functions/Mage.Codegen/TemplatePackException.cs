namespace Mage.Codegen;

/// <summary>
/// A template pack could not be loaded or rendered. <see cref="Exception.Message"/> lists every
/// problem with its file, line and column, so it can be shown to the user as it is (build error:
/// <c>code generation failed: templates/a.cs.scriban:3:7: message</c>).
/// </summary>
public sealed class TemplatePackException : Exception
{
    /// <summary>Creates the exception for <paramref name="pack"/> with at least one problem.</summary>
    public TemplatePackException(string pack, IReadOnlyList<PackProblem> problems)
        : base(Describe(pack, problems))
    {
        Pack = pack;
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public TemplatePackException(string pack, PackProblem problem)
        : this(pack, [problem])
    {
    }

    /// <summary>Creates an exception without problems (prefer the other constructors).</summary>
    public TemplatePackException()
        : this("pack", [])
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public TemplatePackException(string message)
        : this("pack", [new PackProblem(string.Empty, 0, message)])
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public TemplatePackException(string message, Exception innerException)
        : base(message, innerException)
    {
        Pack = "pack";
        Problems = [new PackProblem(string.Empty, 0, message)];
    }

    /// <summary>The pack's name (or where it came from, when its name is unknown).</summary>
    public string Pack { get; } = "pack";

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<PackProblem> Problems { get; } = [];

    /// <summary>
    /// Problems as <c>file:line:column: message</c>, joined by <c>; </c>, so the build error starts with
    /// where to look; a problem of the pack as a whole names the pack instead.
    /// </summary>
    private static string Describe(string pack, IReadOnlyList<PackProblem> problems) => problems.Count == 0
        ? $"template pack {pack} is invalid"
        : string.Join("; ", problems.Select(p => p.File.Length == 0 ? $"template pack {pack}: {p.Message}" : p.ToString()));
}
