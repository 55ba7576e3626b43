using FsCheck;
using FsCheck.Fluent;

namespace Mage.Manifests.Tests;

/// <summary>
/// Mutates real manifests at random (YAML-significant characters, cut and duplicated ranges,
/// re-indented lines) and checks that validation only ever answers with diagnostics: no
/// exception, no hang (each case is bounded in time), positions always 1-based.
/// </summary>
public class MutationPropertyTests
{
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(5);

    private static readonly string[] Tokens =
        [":", "- ", "[", "]", "{", "}", "&a ", "*a", "<<: *a\n", "!!str ", "|\n", ">", "'", "\"", "#", "\n", "  ", "\t", "=>", "=", "~", "? ", "---\n", "%YAML 1.1\n", "\u00e9", "\0", "..", "/", "timeout: 9h\n", "jobs:\n", "stages: [x]\n", "- url: u\n"];

    public sealed record Mutation(int Kind, int Position, int Length, string Token);

    public sealed record Case(int Manifest, Mutation[] Mutations);

    private static readonly string[] Manifests = TestFiles.DjinnManifests().Select(File.ReadAllText).ToArray();

    [Fact]
    public void Validate_MutatedManifests_OnlyReportDiagnostics()
    {
        var mutation =
            from kind in Gen.Choose(0, 4)
            from position in Gen.Choose(0, 4000)
            from length in Gen.Choose(1, 40)
            from token in Gen.Elements(Tokens)
            select new Mutation(kind, position, length, token);
        var cases =
            from manifest in Gen.Choose(0, Manifests.Length - 1)
            from count in Gen.Choose(1, 6)
            from mutations in Gen.ArrayOf(mutation, count)
            select new Case(manifest, mutations);

        var property = Prop.ForAll(cases.ToArbitrary(), c => HoldsFor(Apply(Manifests[c.Manifest], c.Mutations)));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    [Fact]
    public void Validate_RandomBytes_OnlyReportDiagnostics()
    {
        var text = Gen.ArrayOf(Gen.Elements(Tokens.Concat(["a", "b", "1", " "]).ToArray()))
            .Select(parts => string.Concat(parts));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(text.ToArbitrary(), HoldsFor));
    }

    private static bool HoldsFor(string yaml)
    {
        var run = Task.Run(() => ManifestValidator.Validate(yaml));
        if (!run.Wait(PerCase))
        {
            throw new TimeoutException($"validation took longer than {PerCase} for:\n{yaml}");
        }

        var result = run.Result;
        var errors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (result.Plan is { } plan)
        {
            _ = ExecutionPlanJson.Serialize(plan);
        }

        return result.Diagnostics.All(d => d.Line >= 1 && d.Column >= 1 && d.Message.Length > 0)
            && result.IsValid == !errors
            && (result.Plan is not null) == result.IsValid;
    }

    private static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            var at = text.Length == 0 ? 0 : m.Position % (text.Length + 1);
            var length = Math.Min(m.Length, text.Length - at);
            text = m.Kind switch
            {
                0 => text.Insert(at, m.Token),
                1 => text.Remove(at, length),
                2 => text.Insert(at, text.Substring(at, length)),
                3 => text.Remove(at, length).Insert(at, m.Token),
                _ => ReindentLine(text, at),
            };
        }

        return text;
    }

    private static string ReindentLine(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return start < text.Length && text[start] == ' ' ? text.Remove(start, 1) : text.Insert(start, " ");
    }
}
