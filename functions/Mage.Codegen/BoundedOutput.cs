using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Mage.Codegen;

/// <summary>
/// Collects what one template writes and stops it, with an error at the template's current
/// position, once it passes the file's or the pack's character budget. Scriban's own
/// <c>LimitToString</c> truncates output silently; a truncated file would be worse than a failed build.
/// </summary>
internal sealed class BoundedOutput(TemplateContext context, int fileLimit, RenderBudget budget) : IScriptOutput
{
    private readonly StringBuilder _text = new();

    /// <inheritdoc />
    public void Write(string text, int offset, int count)
    {
        if (_text.Length + count > fileLimit)
        {
            throw new ScriptRuntimeException(context.CurrentSpan, $"the template writes more than {fileLimit} characters, the most one file may have; look for a loop that does not end or output that repeats");
        }

        budget.Spend(context, count);
        _text.Append(text, offset, count);
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Everything written so far.</summary>
    public override string ToString() => _text.ToString();
}
