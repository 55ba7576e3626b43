using Scriban;
using Scriban.Syntax;

namespace Mage.Codegen;

/// <summary>
/// What is left of one pack render's limits (<see cref="TemplateLimits"/>): characters over every
/// file, and the deadline every template's context is cancelled at. One per render; not thread-safe.
/// </summary>
internal sealed class RenderBudget : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private long _characters;

    public RenderBudget(TemplateLimits limits)
    {
        Limits = limits;
        _deadline = new CancellationTokenSource(limits.Time);
    }

    /// <summary>The limits this budget enforces.</summary>
    public TemplateLimits Limits { get; }

    /// <summary>Cancelled when the render's time is up; Scriban checks it between statements.</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>Counts <paramref name="count"/> characters written, failing at the template's position when the pack's total is passed.</summary>
    public void Spend(TemplateContext context, int count)
    {
        _characters += count;
        if (_characters > Limits.TotalCharacters)
        {
            throw new ScriptRuntimeException(context.CurrentSpan, $"the pack writes more than {Limits.TotalCharacters} characters in all; a generated service is far smaller");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _deadline.Dispose();
}
