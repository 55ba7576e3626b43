using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;

namespace Mage.Builds.Codegen;

/// <summary>
/// Finds the line of a Handlebars error. Parser errors carry a position in their message
/// ("Occured at: line:column"); block errors and missing data do not, so the template is scanned
/// for the unbalanced block or the first use of the missing name.
/// </summary>
public static partial class TemplateErrorLocator
{
    /// <summary>A problem for a compile error of <paramref name="source"/>.</summary>
    public static PackProblem CompileProblem(string file, string source, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = FirstLine(error.Message);
        if (error is HandlebarsParserException && PositionPattern().Match(error.Message) is { Success: true } position)
        {
            return new PackProblem(file, int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture), message);
        }

        return new PackProblem(file, UnbalancedBlockLine(source), message);
    }

    /// <summary>A problem for an error raised while rendering <paramref name="source"/>.</summary>
    public static PackProblem RenderProblem(string file, string? source, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is HandlebarsUndefinedBindingException undefined)
        {
            var line = source is null ? 0 : FirstUse(source, undefined.Path);
            return new PackProblem(file, line, $"{undefined.Path} is not in the template data (docs/template-packs.md lists what is); check the spelling or guard it with {{{{#if}}}}");
        }

        return new PackProblem(file, 0, FirstLine(error.Message));
    }

    /// <summary>The line of the first block that closes without opening, or of the last block left open; 0 when balanced.</summary>
    public static int UnbalancedBlockLine(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var open = new Stack<(string Name, int Line)>();
        foreach (Match match in BlockPattern().Matches(source))
        {
            var line = LineOf(source, match.Index);
            var name = match.Groups[2].Value;
            if (match.Groups[1].Value == "/")
            {
                if (open.Count == 0 || open.Peek().Name != name)
                {
                    return line;
                }

                open.Pop();
            }
            else if (match.Groups[1].Value == "#")
            {
                open.Push((name, line));
            }
        }

        return open.Count > 0 ? open.Peek().Line : 0;
    }

    private static int FirstUse(string source, string path)
    {
        foreach (Match match in MustachePattern().Matches(source))
        {
            if (match.Value.Contains(path, StringComparison.Ordinal))
            {
                return LineOf(source, match.Index);
            }
        }

        return 0;
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"\{\{~?\s*([#/])\s*\*?([^\s}~]+)")]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex MustachePattern();
}
