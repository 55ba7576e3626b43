using System.Text;
using System.Text.RegularExpressions;

namespace Mage.Builds.Tests.Orchestration.Determinism;

/// <summary>
/// Text scan of orchestrator source files for APIs that break replay (wall clock, random ids, real
/// delays, thread-pool hops). Comments and string literals are ignored; interpolation holes are scanned.
/// Not a compiler: it catches the usual mistakes cheaply, from any test project. Thread-safe.
/// </summary>
internal static partial class DeterminismGuard
{
    private static readonly (Regex Pattern, string Advice)[] Rules =
    [
        (ClockRegex(), "use context.CurrentUtcDateTime"),
        (GuidRegex(), "use context.NewGuid()"),
        (DelayRegex(), "use context.CreateTimer(...)"),
        (RunRegex(), "do the work in an activity"),
        (SleepRegex(), "use context.CreateTimer(...)"),
        (RandomRegex(), "pass random values in as input or produce them in an activity"),
        (ConfigureAwaitRegex(), "await durable tasks without ConfigureAwait(false) so code stays on the orchestrator thread"),
    ];

    /// <summary>Throws <see cref="DeterminismViolationException"/> if the file, or any .cs file under the folder, has a violation.</summary>
    public static void AssertClean(string sourceFileOrFolder)
    {
        IReadOnlyList<DeterminismViolation> violations = Scan(sourceFileOrFolder);
        if (violations.Count > 0)
        {
            throw new DeterminismViolationException(violations);
        }
    }

    /// <summary>Scans a .cs file, or every .cs file under a folder (bin and obj excluded).</summary>
    public static IReadOnlyList<DeterminismViolation> Scan(string sourceFileOrFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceFileOrFolder);
        IEnumerable<string> files = Directory.Exists(sourceFileOrFolder)
            ? Directory.EnumerateFiles(sourceFileOrFolder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(sourceFileOrFolder, f)))
                .Order(StringComparer.Ordinal)
            : File.Exists(sourceFileOrFolder)
                ? [sourceFileOrFolder]
                : throw new FileNotFoundException($"No source file or folder at '{sourceFileOrFolder}'.", sourceFileOrFolder);
        return [.. files.SelectMany(f => ScanSource(File.ReadAllText(f), f))];
    }

    /// <summary>Scans source text; <paramref name="fileName"/> only labels the results.</summary>
    public static IReadOnlyList<DeterminismViolation> ScanSource(string source, string fileName = "<source>")
    {
        ArgumentNullException.ThrowIfNull(source);
        string code = StripCommentsAndLiterals(source);
        var found = new List<DeterminismViolation>();
        foreach ((Regex pattern, string advice) in Rules)
        {
            foreach (Match match in pattern.Matches(code))
            {
                int line = 1 + code.AsSpan(0, match.Index).Count('\n');
                found.Add(new DeterminismViolation(fileName, line, WhitespaceRegex().Replace(match.Value, string.Empty), advice));
            }
        }

        return [.. found.OrderBy(v => v.Line)];
    }

    private static bool IsBuildOutput(string relativePath)
    {
        string[] parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    /// <summary>Blanks comments and non-interpolated literals, keeping newlines so line numbers stay right.</summary>
    private static string StripCommentsAndLiterals(string source)
    {
        var sb = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            char next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = Blank(sb, source, i, source.IndexOf('\n', i) is var e and >= 0 ? e : source.Length);
            }
            else if (c == '/' && next == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Blank(sb, source, i, end < 0 ? source.Length : end + 2);
            }
            else if (c == '"' && source.AsSpan(i).StartsWith("\"\"\""))
            {
                int end = source.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                i = Blank(sb, source, i, end < 0 ? source.Length : end + 3);
            }
            else if (c == '@' && next == '"')
            {
                i = Blank(sb, source, i, EndOfVerbatim(source, i + 2));
            }
            else if (c == '"' && (i == 0 || source[i - 1] != '$'))
            {
                i = Blank(sb, source, i, EndOfRegular(source, i + 1, '"'));
            }
            else if (c == '\'')
            {
                i = Blank(sb, source, i, EndOfRegular(source, i + 1, '\''));
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private static int Blank(StringBuilder sb, string source, int start, int end)
    {
        for (int j = start; j < end; j++)
        {
            sb.Append(source[j] == '\n' ? '\n' : ' ');
        }

        return end;
    }

    private static int EndOfRegular(string source, int i, char quote)
    {
        while (i < source.Length && source[i] != quote && source[i] != '\n')
        {
            i += source[i] == '\\' ? 2 : 1;
        }

        return Math.Min(source.Length, i + 1);
    }

    private static int EndOfVerbatim(string source, int i)
    {
        while (i < source.Length)
        {
            if (source[i] == '"')
            {
                if (i + 1 < source.Length && source[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return source.Length;
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex ClockRegex();

    [GeneratedRegex(@"\bGuid\s*\.\s*NewGuid\b")]
    private static partial Regex GuidRegex();

    [GeneratedRegex(@"\bTask\s*\.\s*Delay\b")]
    private static partial Regex DelayRegex();

    [GeneratedRegex(@"\bTask\s*\.\s*Run\b|\bTask\s*\.\s*Factory\s*\.\s*StartNew\b|\bThreadPool\s*\.\s*QueueUserWorkItem\b")]
    private static partial Regex RunRegex();

    [GeneratedRegex(@"\bThread\s*\.\s*Sleep\b")]
    private static partial Regex SleepRegex();

    [GeneratedRegex(@"\bnew\s+Random\s*\(|\bRandom\s*\.\s*Shared\b|\bEnvironment\s*\.\s*TickCount")]
    private static partial Regex RandomRegex();

    [GeneratedRegex(@"ConfigureAwait\s*\(\s*false\s*\)")]
    private static partial Regex ConfigureAwaitRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
