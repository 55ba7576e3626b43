using System.CommandLine;
using System.Text.Json;
using Mage.Cli.Api;
using Mage.Cli.Output;
using Mage.Manifests;

namespace Mage.Cli.Commands;

/// <summary><c>mage validate FILE…</c>: checks manifests offline and prints compiler-style lines.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Manifest files to check (e.g. .djinn.yml .djinn/*.yml)",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise be taken for a file name and read as one.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            {
                result.AddError($"unknown option '{token.Value}' for 'validate'");
            }
        });
        var json = new Option<bool>("--json") { Description = "Write { valid, files: [{ file, valid, error, diagnostics }] } to stdout instead of lines" };
        var command = new Command("validate", "Check build manifests; prints FILE:LINE:COL: error|warning: message. Exit 0 valid, 1 invalid, 2 usage.")
        {
            files,
            json,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetRequiredValue(files), parseResult.GetValue(json), parseResult.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool json, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var exitCode = MageApp.Success;
        var results = new List<ValidatedFile>();
        foreach (var file in files)
        {
            string yaml;
            try
            {
                yaml = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await io.Error.WriteLineAsync($"{file}: error: cannot read the file: {e.Message}");
                results.Add(new ValidatedFile(file, false, $"cannot read the file: {e.Message}", []));
                exitCode = MageApp.UsageError;
                continue;
            }

            var validation = ManifestValidator.Validate(yaml);
            results.Add(new ValidatedFile(file, validation.IsValid, null, validation.Diagnostics
                .Select(d => new ValidatedFileDiagnostic(d.Path, d.Line, d.Column, d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.Message)).ToList()));
            foreach (var diagnostic in json ? [] : validation.Diagnostics)
            {
                await io.Output.WriteLineAsync($"{file}:{diagnostic}");
            }

            if (!validation.IsValid && exitCode == MageApp.Success)
            {
                exitCode = MageApp.Failure;
            }
        }

        if (json)
        {
            await io.Output.WriteLineAsync(JsonSerializer.Serialize(new { valid = results.All(r => r.Valid), files = results }, MageJson.Output));
        }

        return exitCode;
    }
}
