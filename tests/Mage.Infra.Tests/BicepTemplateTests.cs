using System.Text.Json.Nodes;
using Mage.Testing;

namespace Mage.Infra.Tests;

/// <summary>infra/*.bicep compiles and lints clean, and the deployment it describes has the properties the README promises.</summary>
public sealed class BicepTemplateTests
{
    private static readonly string Infra = Path.Combine(RepositoryRoot.Find(), "infra");
    private static readonly string Main = Path.Combine(Infra, "main.bicep");

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("node_modules", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Infra, file));
        }

        return data;
    }

    [Fact]
    public async Task Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        var result = await BicepCli.RunAsync("build", Main, "--stdout");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Diagnostics.Trim());
        Assert.NotEmpty(CompiledTemplate.Parse(result.Output).Resources);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_EachBicepFile_ReportsNoErrorsOrWarnings(string relativePath)
    {
        var result = await BicepCli.RunAsync("lint", Path.Combine(Infra, relativePath));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, (result.Diagnostics + result.Output).Trim());
    }

    [Fact]
    public async Task Lint_TemplateWithAnUndefinedSymbol_FailsWithTheError()
    {
        // The same check as above on a template known to be wrong: the runner must see errors.
        var file = Path.Combine(Path.GetTempPath(), $"mage-broken-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(file, "output name string = missingSymbol\n");
        try
        {
            var result = await BicepCli.RunAsync("lint", file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("missingSymbol", result.Diagnostics + result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Build_FunctionApp_IsLinuxDotnetIsolated10OnFlexConsumption()
    {
        var template = await CompileMainAsync();

        var plan = Assert.Single(template.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("SystemAssigned", (string?)site["identity"]?["type"]);
        var runtime = site["properties"]?["functionAppConfig"]?["runtime"];
        Assert.Equal("dotnet-isolated", (string?)runtime?["name"]);
        Assert.Equal("10.0", (string?)runtime?["version"]);
    }

    [Fact]
    public async Task Build_AppSettings_UseIdentityStorageAndKeyVaultReferencesForSecrets()
    {
        var settings = AppSettings(await CompileMainAsync());

        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.All(settings.Values, v => Assert.DoesNotContain("AccountKey=", v, StringComparison.OrdinalIgnoreCase));
        foreach (var secret in new[] { "Mage__AdminKey", "Mage__EncryptionKey" })
        {
            Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings[secret], StringComparison.Ordinal);
        }

        foreach (var name in new[] { "Mage__TaskHub", "Mage__WorkRoot", "Mage__Drivers__Enabled", "Mage__BuildTimeout", "APPLICATIONINSIGHTS_CONNECTION_STRING" })
        {
            Assert.Contains(name, settings.Keys);
        }
    }

    [Fact]
    public async Task Build_DataStorage_AllowsNoSharedKeysAndTheIdentityGetsBlobQueueTableRoles()
    {
        var template = await CompileMainAsync();

        var accounts = template.OfType("Microsoft.Storage/storageAccounts").Where(a => a["properties"] is not null).ToList();
        Assert.Contains(accounts, a => (bool?)a["properties"]?["allowSharedKeyAccess"] == false);
        var roleText = string.Join('\n', template.OfType("Microsoft.Authorization/roleAssignments").Select(r => r.ToJsonString()));
        var wholeText = string.Join('\n', template.Resources.Select(r => r.ToJsonString()));
        foreach (var roleId in new[]
                 {
                     "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
                     "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                     "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                     "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
                 })
        {
            Assert.Contains(roleId, wholeText, StringComparison.Ordinal);
        }

        Assert.NotEmpty(roleText);
    }

    [Fact]
    public async Task Build_WorkShare_IsMountedWhereMageWorkRootPoints()
    {
        var template = await CompileMainAsync();

        Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/fileServices/shares"));
        var mounts = Assert.Single(template.OfType("Microsoft.Web/sites/config"), c => ((string?)c["name"])?.Contains("azurestorageaccounts", StringComparison.Ordinal) == true);
        var mount = mounts["properties"]?.AsObject().Single().Value;
        Assert.Equal("AzureFiles", (string?)mount?["type"]);

        // Both the mount and the setting take the main template's one workMountPath value.
        var main = JsonNode.Parse((await BicepCli.RunAsync("build", Main, "--stdout")).Output)!;
        var mountPath = (string?)main["variables"]?["workMountPath"];
        Assert.False(string.IsNullOrEmpty(mountPath));
        var modules = main["resources"]!.AsArray().OfType<JsonObject>().ToDictionary(m => (string)m["name"]!);
        Assert.Equal("[variables('workMountPath')]", (string?)modules["function-app"]["properties"]?["parameters"]?["workMountPath"]?["value"]);
        Assert.Equal("[variables('workMountPath')]", (string?)modules["work-mount"]["properties"]?["parameters"]?["mountPath"]?["value"]);
    }

    private static async Task<CompiledTemplate> CompileMainAsync()
    {
        var result = await BicepCli.RunAsync("build", Main, "--stdout");
        Assert.True(result.ExitCode == 0, result.ToString());
        return CompiledTemplate.Parse(result.Output);
    }

    private static Dictionary<string, string> AppSettings(CompiledTemplate template)
    {
        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        var list = site["properties"]?["siteConfig"]?["appSettings"]?.AsArray() ?? [];
        return list.OfType<JsonObject>().ToDictionary(s => (string)s["name"]!, s => (string?)s["value"] ?? string.Empty, StringComparer.Ordinal);
    }
}
