using System.Globalization;
using Scriban;
using Scriban.Runtime;

namespace Mage.Builds.Codegen;

/// <summary>
/// The Scriban context one template renders in. What a template can reach is its data, our helpers,
/// Scriban's built-in functions (text, arrays, math; none of them touch files, processes or .NET
/// types) and the pack's own partials; nothing else. Misspelt names and missing members are errors,
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
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        var output = new BoundedOutput(context, budget.Limits.FileCharacters, budget);
        context.PushOutput(output);
        return (context, output);
    }
}
