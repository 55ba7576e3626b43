namespace Mage.Codegen;

/// <summary>One thing wrong with a template pack or with rendering it.</summary>
/// <param name="File">The pack file at fault, relative to the pack root (<c>pack.yaml</c>, <c>templates/…</c>, <c>partials/…</c>), or empty when the pack as a whole is at fault.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when unknown.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Column">1-based column on <paramref name="Line"/>, or 0 when unknown.</param>
public sealed record PackProblem(string File, int Line, string Message, int Column = 0)
{
    /// <summary><c>file:line:column: message</c>, leaving out what is unknown.</summary>
    public override string ToString() => File.Length == 0 ? Message
        : Line <= 0 ? $"{File}: {Message}"
        : Column <= 0 ? $"{File}:{Line}: {Message}"
        : $"{File}:{Line}:{Column}: {Message}";
}
