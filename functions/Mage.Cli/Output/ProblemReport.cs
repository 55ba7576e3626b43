using System.Globalization;
using Mage.Cli.Api;

namespace Mage.Cli.Output;

/// <summary>
/// How failures read: a first line <c>mage: …</c> on stderr, then each validation item as
/// <c>FILE:LINE:COL: error: message</c> like <c>mage validate</c> (or <c>error: path: message</c>
/// when the item has no position), and with <c>--json</c> one <c>{ "error": … }</c> document on stdout.
/// </summary>
internal static class ProblemReport
{
    /// <summary>The hint printed whenever the service cannot be reached.</summary>
    public const string StartHint = "is it running? start it with `dotnet run --project functions/Mage.Functions`";

    /// <summary>Reports an error answer. <paramref name="documentName"/> names the document that was sent (a manifest or configuration file), if any.</summary>
    public static async Task WriteAsync(TextWriter error, TextWriter? json, ApiProblem problem, string? documentName, bool keySent)
    {
        await error.WriteLineAsync(Headline(problem, keySent));
        foreach (var item in problem.Errors)
        {
            await error.WriteLineAsync(ItemLine(item, documentName));
        }

        if (json is not null)
        {
            var document = new
            {
                error = new
                {
                    kind = "api",
                    status = problem.Status,
                    title = problem.Title,
                    detail = problem.Detail,
                    errors = problem.Errors.Select(e => new { path = e.Path, line = e.Line, column = e.Column, severity = e.Severity ?? "error", message = e.Message }),
                },
            };
            await json.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(document, MageJson.Output));
        }
    }

    /// <summary>Reports that no answer came.</summary>
    public static async Task WriteAsync(TextWriter error, TextWriter? json, MageUnreachableException unreachable)
    {
        var url = unreachable.BaseUrl.ToString().TrimEnd('/');
        await error.WriteLineAsync($"mage: cannot reach Mage at {url}: {unreachable.Reason} — {StartHint}, or point --url / MAGE_URL at it");
        if (json is not null)
        {
            var document = new { error = new { kind = "unreachable", url, detail = unreachable.Reason } };
            await json.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(document, MageJson.Output));
        }
    }

    /// <summary>One validation item as a compiler-style line.</summary>
    public static string ItemLine(ApiProblemItem item, string? documentName)
    {
        var severity = item.Severity ?? "error";
        if (item.Line is > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{documentName ?? "<request>"}:{item.Line}:{item.Column ?? 1}: {severity}: {item.Message}");
        }

        return string.IsNullOrEmpty(item.Path) ? $"{severity}: {item.Message}" : $"{severity}: {item.Path}: {item.Message}";
    }

    private static string Headline(ApiProblem problem, bool keySent) => problem.Status switch
    {
        401 when !keySent => "mage: the service wants a key and none was given (401 Unauthorized): pass --key or set MAGE_KEY; a local app keeps its admin key in .mage/admin.key",
        401 => $"mage: the key was refused (401 Unauthorized): {problem.Detail ?? "the key is not valid"} Check --key or MAGE_KEY; a local app keeps its admin key in .mage/admin.key",
        _ => problem.Detail is null ? $"mage: {problem.Title} ({problem.Status})" : $"mage: {problem.Title} ({problem.Status}): {problem.Detail}",
    };
}
