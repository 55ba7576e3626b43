using System.Security.Cryptography;
using System.Text;
using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage config save|show|versions</c> against the real configuration routes.</summary>
public sealed class ConfigCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mage-cli-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Minimal(string service) => $$"""
        service: {{service}}
        pack: aspnet-minimal-api
        model:
          Customer:
            fields:
              id: { type: guid, key: true }
              email: { type: string, required: true, maxLength: 200 }
        spells: [crud]

        """;

    [Fact]
    public async Task ConfigSave_ValidFile_SavesAVersionThatShowReturnsByteForByte()
    {
        var service = await mage.CreateServiceAsync();
        var file = Write("service.yml", Minimal(service));

        var saved = await mage.RunAsync("config", "save", "--service", service, file);
        var shown = await mage.RunAsync("config", "show", "--service", service);

        Assert.True(saved.ExitCode == 0, saved.ToString());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Minimal(service))));
        Assert.Equal($"saved configuration of {service} as version 1 (sha256 {sha256})", saved.Output.TrimEnd());
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal(Minimal(service), shown.Output);
        Assert.Equal($"# {service} configuration version 1 (sha256 {sha256})", shown.Error.TrimEnd());
    }

    [Fact]
    public async Task ConfigShow_Version_ReadsThatVersionAndJsonHasItsFields()
    {
        var service = await mage.CreateServiceAsync();
        var json = $$"""{ "service": "{{service}}", "pack": "aspnet-minimal-api", "description": "second" }""";
        await mage.RunAsync("config", "save", "--service", service, Write("one.yml", Minimal(service)));
        var second = await mage.RunAsync("config", "save", "--service", service, Write("two.json", json), "--json");

        var first = await mage.RunAsync("config", "show", "--service", service, "--version", "1");
        var latest = (await mage.RunAsync("config", "show", "--service", service, "--json")).Json();
        var versions = await mage.RunAsync("config", "versions", "--service", service);

        Assert.Equal(2, second.Json().GetProperty("version").GetInt64());
        Assert.Equal(Minimal(service), first.Output);
        Assert.Equal((service, 2L, "json", json), (latest.GetProperty("service").GetString(), latest.GetProperty("version").GetInt64(), latest.GetProperty("format").GetString(), latest.GetProperty("content").GetString()));
        Assert.Matches(@"^VERSION\s+SAVED\s+FORMAT\s+SIZE\s+SHA256$", versions.Lines[0]);
        Assert.Matches(@"^2\s+\S+Z\s+json\s+\d+ B\s+[0-9a-f]{64}$", versions.Lines[1]);
        Assert.Matches(@"^1\s+\S+Z\s+yaml\s+\d+ B\s+[0-9a-f]{64}$", versions.Lines[2]);
    }

    [Fact]
    public async Task ConfigSave_Warnings_PrintedAsFileLineColumnAndTheVersionIsSaved()
    {
        var service = await mage.CreateServiceAsync();
        var file = Write("warn.yml", $$"""
            service: {{service}}
            pack: aspnet-minimal-api
            model:
              Customer:
                fields:
                  id: { type: guid, key: true }
              Note:
                fields:
                  id: { type: guid, key: true }
            endpoints:
              entities:
                Customer: all
            spells: [crud]

            """);

        var result = await mage.RunAsync("config", "save", "--service", service, file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"saved configuration of {service} as version 1", result.Output, StringComparison.Ordinal);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:8:5: warning: entity Note has no endpoint", result.Error);
    }

    [Fact]
    public async Task ConfigSave_InvalidFile_ExitsOneWithFileLineColumnAndSavesNothing()
    {
        var service = await mage.CreateServiceAsync();
        var file = Write("bad.yml", $"service: {service}\npack: aspnet-minimal-api\nmodel:\n  Customer:\n    fields:\n      id: {{ type: guid, key: true }}\n      age: {{ type: int, maxLenght: 3 }}\nspells: [crud, cache]\n");

        var result = await mage.RunAsync("config", "save", "--service", service, file);
        var shown = await mage.RunAsync("config", "show", "--service", service);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("mage: Invalid configuration (400): The configuration has 2 errors and was not saved", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:7:25: error: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("did you mean \"maxLength\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:8:16: error: ", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, shown.ExitCode);
        Assert.Equal($"mage: Not Found (404): service {service} has no saved configuration; save one with PUT /api/services/{service}/configuration.", shown.Error.TrimEnd());
    }

    [Fact]
    public async Task Submit_SavedConfigurationWithoutRepository_ExitsThreeNamingTheMissingPrerequisite()
    {
        var service = await mage.CreateServiceAsync();
        await mage.RunAsync("config", "save", "--service", service, Write("service.yml", Minimal(service)));

        var result = await mage.RunAsync("submit", "--service", service, "--tag", "v1");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"mage: Missing prerequisite (422): service {service} has no repository configured", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigSave_UnreadableFile_ExitsTwo()
    {
        var result = await mage.RunAsync("config", "save", "--service", "x", Path.Combine(_directory, "missing.yml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.yml: error: cannot read the file:", result.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
