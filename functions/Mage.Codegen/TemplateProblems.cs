using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Mage.Codegen;

/// <summary>Turns Scriban's parse messages and runtime errors into <see cref="PackProblem"/>s with file, line and column.</summary>
internal static class TemplateProblems
{
    /// <summary>The first error of a parse of <paramref name="file"/>, if any; later ones mostly follow from it.</summary>
    public static IEnumerable<PackProblem> Parse(string file, LogMessageBag messages) =>
        messages.Where(m => m.Type == ParserMessageType.Error).Take(1).Select(m => At(file, m.Span, m.Message));

    /// <summary>A problem for an error raised while rendering <paramref name="file"/>: at the template's position, or a partial's when the error is inside one.</summary>
    public static PackProblem Render(string file, ScriptRuntimeException error)
    {
        if (error is ScriptAbortException)
        {
            return At(file, error.Span, "the pack took longer than its time limit to render; look for a loop that does not end");
        }

        if (error is ScriptParserRuntimeException parse && parse.ParserMessages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } first)
        {
            return At(file, first.Span, first.Message);
        }

        var message = error.OriginalMessage;
        if (error.InnerException is { } inner && inner is not ScriptRuntimeException)
        {
            message = inner.Message;
        }

        return At(file, error.Span, message);
    }

    private static PackProblem At(string file, SourceSpan span, string message)
    {
        // A span in an included partial names the partial (PackPartialLoader's path); one without a file is the template's.
        var where = string.IsNullOrEmpty(span.FileName) ? file : span.FileName;
        return new PackProblem(where, span.Start.Line + 1, message, span.Start.Column + 1);
    }
}
