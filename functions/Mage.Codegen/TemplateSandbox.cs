using System.Globalization;
using Scriban;
using Scriban.Runtime;

namespace Mage.Codegen;

/// <summary>
/// The Scriban context one template renders in. What a template can reach is its data, our helpers,
/// Scriban's built-in functions (text, arrays, math; none of them touch files, processes or .NET
/// types) and the pack's own partials; nothing else. The clock and random built-ins are taken out,
/// so the same pack and data always give the same bytes. Misspelt names and missing members are errors,
/// loops, recursion, output and time are bounded (<see cref="TemplateLimits"/>).
/// </summary>
internal static class TemplateSandbox
{
    /// <summary>A context for one template, with <paramref name="model"/> and the helpers as its globals, writing to the returned output.</summary>
    public static (TemplateContext Context, BoundedOutput Output) Create(TemplatePack pack, IReadOnlyDictionary<string, object?> model, RenderBudget budget)
    {
        var globals = new ScriptObject();
        TemplateHelpers.AddTo(globals);
        ScriptModel.AddTo(globals, model);
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            // Scriban reaches public members of plain .NET objects by reflection; the model holds none
            // (ScriptModel), and this keeps it so should one ever slip in.
            MemberFilter = _ => false,
            LoopLimit = budget.Limits.LoopIterations,
            RecursiveLimit = budget.Limits.Recursion,
            LimitToString = budget.Limits.FileCharacters,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            NewLine = "\n",
            TemplateLoader = new PackPartialLoader(pack.Partials),
            CancellationToken = budget.Deadline,
        };
        RemoveUnrepeatable(context.BuiltinObject);
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        var output = new BoundedOutput(context, budget.Limits.FileCharacters, budget);
        context.PushOutput(output);
        return (context, output);
    }

    /// <summary>
    /// The built-ins that read the clock or a random source; a pack using one would give other
    /// bytes on every run. Each context has its own copy of the built-ins, so they are removed from it alone.
    /// </summary>
    internal static IReadOnlyList<(string Object, string Function)> Unrepeatable { get; } =
        [("date", "now"), ("date", "utc_now"), ("math", "random"), ("math", "uuid")];

    private static void RemoveUnrepeatable(ScriptObject builtins)
    {
        foreach (var (name, function) in Unrepeatable)
        {
            var functions = builtins[name] as ScriptObject
                ?? throw new InvalidOperationException($"Scriban has no built-in object {name} any more; update TemplateSandbox.Unrepeatable");
            var readOnly = functions.IsReadOnly;
            functions.IsReadOnly = false;
            functions.Remove(function);
            functions.IsReadOnly = readOnly;
        }
    }
}
