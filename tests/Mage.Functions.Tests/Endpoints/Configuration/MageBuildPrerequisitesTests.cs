using System.Net;
using System.Net.Http.Json;
using Mage.Codegen.Configuration;
using Mage.Functions.Tests.Endpoints.Catalog;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mage.Functions.Tests.Endpoints.Configuration;

/// <summary>
/// The build trigger's Mage rules: a service with a saved configuration is a Mage service; its
/// builds record the configuration version and need a repository (with a token on GitLab); a
/// build without a manifest needs a saved configuration and runs the default manifest.
/// </summary>
public sealed class MageBuildPrerequisitesTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private const string Trivial = "driver: { type: local }\nstages: [one]\njobs:\n  - { stage: one, commands: [\"echo from-$MAGE_TAG\"] }\n";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string service, object body) =>
        client.PostAsJsonAsync(Url($"/api/services/{service}/builds"), body);

    private async Task<string> ServiceAsync(object? repository, string? defaultManifest = null)
    {
        var name = CatalogApp.NewServiceName();
        var put = await app.Admin.PutAsJsonAsync(Url($"/api/services/{name}"), new { displayName = name, repository, defaultManifest });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return name;
    }

    // A real bare repository: builds of a Mage service end with the merge-request step, which pushes there.
    private static readonly Lazy<string> BareRepository = new(() => new Uri(GitFixture.CreateBareRepositoryAsync("NOTES.md", "notes\n").GetAwaiter().GetResult()).AbsoluteUri);

    private static object GitRepository => new { provider = "git", url = BareRepository.Value };

    private async Task SaveConfigurationAsync(string service, HttpClient? client = null, string? text = null)
    {
        var put = await ConfigurationEndpointsTests.PutAsync(client ?? app.Admin, service, text ?? ConfigurationEndpointsTests.Minimal(service));
        Assert.True(put.StatusCode == HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Submit_NoManifestAndNoSavedConfiguration_422SaysHowToFixIt()
    {
        var service = await ServiceAsync(GitRepository, defaultManifest: Trivial);

        var detail = await DetailAsync(await SubmitAsync(app.Admin, service, new { tag = "v1" }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"service {service} has no saved configuration; save one with PUT /api/services/{service}/configuration or send a manifest.", detail);
    }

    [Fact]
    public async Task Submit_ManifestOnServiceWithoutConfiguration_IsAPlainBuildWithoutVersion()
    {
        var service = await ServiceAsync(repository: null);

        var response = await SubmitAsync(app.Admin, service, new { tag = "v1", manifest = Trivial });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var build = await CatalogApp.JsonAsync(await app.Admin.GetAsync(response.Headers.Location!));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, build.GetProperty("configurationVersion").ValueKind);
    }

    [Fact]
    public async Task Submit_MageServiceWithoutRepository_422NamesIt()
    {
        var service = await ServiceAsync(repository: null);
        await SaveConfigurationAsync(service);

        var detail = await DetailAsync(await SubmitAsync(app.Admin, service, new { tag = "v1", manifest = Trivial }), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith($"service {service} has no repository configured", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_GitLabRepositoryWithoutToken_422NamesIt()
    {
        var service = await ServiceAsync(new { provider = "gitlab", url = "https://gitlab.example.com/g/p.git", project = "g/p" });
        await SaveConfigurationAsync(service);

        var detail = await DetailAsync(await SubmitAsync(app.Admin, service, new { tag = "v1", manifest = Trivial }), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith($"the GitLab repository of service {service} has no token", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("gitlab.example.com", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Submit_ConfigurationVersionThatDoesNotExist_422(long version)
    {
        var service = await ServiceAsync(GitRepository);
        await SaveConfigurationAsync(service);
        await SaveConfigurationAsync(service);

        var detail = await DetailAsync(await SubmitAsync(app.Admin, service, new { tag = "v1", manifest = Trivial, configurationVersion = version }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"configuration version {version} of service {service} does not exist; versions are 1 to 2 (GET /api/services/{service}/configuration/versions).", detail);
    }

    [Fact]
    public async Task Submit_InvalidManifestOnMageServiceWithoutRepository_400ComesFirst()
    {
        var service = await ServiceAsync(repository: null);
        await SaveConfigurationAsync(service);

        var response = await SubmitAsync(app.Admin, service, new { tag = "v1", manifest = "stages: [a]\njobs:\n  - { stage: b }\n" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submit_MageService_RecordsLatestVersionOrTheNamedOne()
    {
        var service = await ServiceAsync(GitRepository);
        await SaveConfigurationAsync(service);
        await SaveConfigurationAsync(service);

        var latest = await SubmitAsync(app.Admin, service, new { tag = "v1", manifest = Trivial });
        var named = await SubmitAsync(app.Admin, service, new { tag = "v2", manifest = Trivial, configurationVersion = 1 });

        Assert.Equal(HttpStatusCode.Accepted, latest.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, named.StatusCode);
        Assert.Equal(2, (await CatalogApp.JsonAsync(await app.Admin.GetAsync(latest.Headers.Location!))).GetProperty("configurationVersion").GetInt64());
        Assert.Equal(1, (await CatalogApp.JsonAsync(await app.Admin.GetAsync(named.Headers.Location!))).GetProperty("configurationVersion").GetInt64());
    }

    [Fact]
    public async Task Submit_NoManifest_RunsTheServicesDefaultManifest()
    {
        var service = await ServiceAsync(GitRepository, defaultManifest: Trivial);
        await SaveConfigurationAsync(service);

        var response = await SubmitAsync(app.Admin, service, new { tag = "v7" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await CatalogApp.JsonAsync(response)).GetProperty("id").GetString()!;
        var api = new BuildApi(app.Admin);
        var build = await api.WaitForEndAsync(id);
        Assert.Equal(("passed", 1L), (build.Status, build.ConfigurationVersion));
        Assert.Contains("from-v7", await api.LogAsync(id, "one.1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoManifestAnywhere_422SaysNeitherServiceNorPackHasOne()
    {
        // The built-in pack has a default manifest, so the configuration names an uploaded "pack" that is no archive.
        var service = await ServiceAsync(GitRepository);
        var upload = await app.Admin.PutAsync(Url($"/api/services/{service}/objects/not-a-pack.tar.gz"), new ByteArrayContent("not an archive"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        await SaveConfigurationAsync(service, text: ConfigurationEndpointsTests.Minimal(service).Replace("pack: aspnet-minimal-api", "pack: { object: not-a-pack.tar.gz }", StringComparison.Ordinal));

        var detail = await DetailAsync(await SubmitAsync(app.Admin, service, new { tag = "v1" }), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith($"service {service} has no default manifest and its pack supplies none", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoManifestAndNoServiceDefault_RunsThePacksDefaultManifest()
    {
        // A pack's default manifest comes from the registered IPackDefaultManifestSource (code generation provides the real one).
        var source = new RecordingPackManifests("driver: { type: local }\nstages: [pack]\njobs:\n  - { stage: pack, commands: [\"echo pack-default\"] }\n");
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.RemoveAll<IPackDefaultManifestSource>().AddSingleton<IPackDefaultManifestSource>(source)));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", app.Factory.AdminKey);
        var service = await ServiceAsync(GitRepository);
        await SaveConfigurationAsync(service, client);

        var response = await SubmitAsync(client, service, new { tag = "v1" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var api = new BuildApi(client);
        var id = (await CatalogApp.JsonAsync(response)).GetProperty("id").GetString()!;
        Assert.Equal("passed", (await api.WaitForEndAsync(id)).Status);
        Assert.Contains("pack-default", await api.LogAsync(id, "pack.1"), StringComparison.Ordinal);
        Assert.Equal((service, "aspnet-minimal-api"), (source.Service, (source.Configuration?.Pack as PackSource.BuiltIn)?.Name));
    }

    private sealed class RecordingPackManifests(string manifest) : IPackDefaultManifestSource
    {
        public string? Service { get; private set; }

        public ServiceConfiguration? Configuration { get; private set; }

        public Task<string?> GetDefaultManifestAsync(string service, ServiceConfiguration configuration, CancellationToken cancellationToken)
        {
            (Service, Configuration) = (service, configuration);
            return Task.FromResult<string?>(manifest);
        }
    }
}
