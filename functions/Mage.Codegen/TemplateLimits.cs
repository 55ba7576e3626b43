namespace Mage.Codegen;

/// <summary>
/// Bounds on rendering one pack, so a hostile or broken pack fails the build instead of hanging
/// the worker or filling its memory. Every limit that is hit is reported with the template's
/// file, line and column.
/// </summary>
/// <param name="LoopIterations">Most iterations of the loops of one template (nested loops count together); 0 for none.</param>
/// <param name="Recursion">Deepest nesting of function calls and includes.</param>
/// <param name="FileCharacters">Most characters one template may write.</param>
/// <param name="TotalCharacters">Most characters the whole pack may write, over every file.</param>
/// <param name="Time">Longest the whole pack may take to render.</param>
public sealed record TemplateLimits(int LoopIterations, int Recursion, int FileCharacters, long TotalCharacters, TimeSpan Time)
{
    /// <summary>
    /// What packs get: far above what a real service needs (the built-in pack's largest file is
    /// about 10 KB and its loops run a few hundred times) yet small enough to stop a runaway quickly.
    /// </summary>
    public static TemplateLimits Default { get; } = new(100_000, 64, 4 * 1024 * 1024, 64L * 1024 * 1024, TimeSpan.FromSeconds(30));
}
