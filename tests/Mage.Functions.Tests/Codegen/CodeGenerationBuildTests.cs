using System.Net;
using System.Net.Http.Json;
using Mage.Functions.Tests.Endpoints.Catalog;
using Mage.Functions.Tests.Endpoints.Configuration;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Codegen;

/// <summary>
/// Step 5 inside a real build: the orchestrator generates code after the setup stage, so the
/// manifest's jobs see it in generated/, and a broken pack fails the build with its message.
/// </summary>
public sealed class CodeGenerationBuildTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    // Jobs start in the workspace: the generated tree must already be there when stage "check" runs.
    private const string CheckManifest =
        "driver: { type: local }\nstages: [check]\njobs:\n  - { stage: check, commands: [\"test -f generated/src/{0}/Program.cs\", \"grep record generated/src/{0}/Entities/Customer.cs\"] }\n";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<string> MageServiceAsync()
    {
        var name = CatalogApp.NewServiceName();
        var pascalName = Mage.Codegen.Naming.Pascal(name);

        // A real repository: a build that generates code ends by pushing it (the merge-request step).
        var repository = await GitFixture.CreateBareRepositoryAsync("README.md", "target of the generated code");
        var put = await app.Admin.PutAsJsonAsync(Url($"/api/services/{name}"), new
        {
            displayName = name,
            repository = new { provider = "git", url = "file://" + repository },
            defaultManifest = CheckManifest.Replace("{0}", pascalName, StringComparison.Ordinal),
        });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return name;
    }

    [Fact]
    public async Task Build_WithSavedConfiguration_JobsSeeTheGeneratedCode()
    {
        var service = await MageServiceAsync();
        Assert.Equal(HttpStatusCode.Created, (await ConfigurationEndpointsTests.PutAsync(app.Admin, service, ConfigurationEndpointsTests.Minimal(service))).StatusCode);
        var api = new BuildApi(app.Admin);

        var submit = await app.Admin.PostAsJsonAsync(Url($"/api/services/{service}/builds"), new { tag = "v1" });
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var id = (await CatalogApp.JsonAsync(submit)).GetProperty("id").GetString()!;
        var build = await api.WaitForEndAsync(id);

        Assert.True(build.Status == "passed", build.Error);
        Assert.Contains("public sealed record Customer", await api.LogAsync(id, "check.1"), StringComparison.Ordinal);
        Assert.Contains("[mage] generated", await api.LogAsync(id, "create-driver"), StringComparison.Ordinal);
        Assert.Equal("mage/v1", build.MergeRequest?.Branch);
    }

    [Fact]
    public async Task Build_PackThatIsNoArchive_FailsWithCodeGenerationsMessage()
    {
        var service = await MageServiceAsync();
        var upload = await app.Admin.PutAsync(Url($"/api/services/{service}/objects/pack.tar.gz"), new ByteArrayContent("plain text"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var text = ConfigurationEndpointsTests.Minimal(service).Replace("pack: aspnet-minimal-api", "pack: { object: pack.tar.gz }", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await ConfigurationEndpointsTests.PutAsync(app.Admin, service, text)).StatusCode);
        var api = new BuildApi(app.Admin);

        var submit = await app.Admin.PostAsJsonAsync(Url($"/api/services/{service}/builds"), new { tag = "v1" });
        var id = (await CatalogApp.JsonAsync(submit)).GetProperty("id").GetString()!;
        var build = await api.WaitForEndAsync(id);

        Assert.Equal("failed", build.Status);
        Assert.StartsWith("code generation failed: ", build.Error, StringComparison.Ordinal);
        Assert.Contains("neither a .tar.gz nor a .zip", build.Error, StringComparison.Ordinal);
        Assert.Equal("skipped", build.Stages.Single(s => s.Name == "check").Jobs.Single().Status);
    }
}
