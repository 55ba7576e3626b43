using System.Globalization;
using System.Text;
using Mage.Catalog;
using Mage.Codegen.Configuration;
using Mage.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Mage.Functions.Endpoints.Configuration;

/// <summary>
/// A service's saved configuration: <c>PUT /api/services/{service}/configuration</c> (YAML or JSON
/// body) saves a new version; <c>GET …/configuration[?version=N]</c> returns a version's text as it
/// was saved, with its version in headers; <c>GET …/configuration/versions</c> lists versions.
/// Mapped on the <c>/services/{service}</c> group, whose filter answers 404 for a service the key may not see.
/// </summary>
public static class ConfigurationEndpoints
{
    /// <summary>Response header carrying the version of the text returned.</summary>
    public const string VersionHeader = "x-mage-configuration-version";

    /// <summary>Response header carrying the SHA-256 of the text returned.</summary>
    public const string Sha256Header = "x-mage-configuration-sha256";

    /// <summary>Maps the routes on the <c>/services/{service}</c> group.</summary>
    public static RouteGroupBuilder MapConfigurationEndpoints(this RouteGroupBuilder service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var configuration = service.MapGroup("/configuration").WithTags("Configuration");
        configuration.MapPut("/", SaveAsync).WithName("SaveConfiguration");
        configuration.MapGet("/", GetAsync).WithName("GetConfiguration");
        configuration.MapGet("/versions", ListAsync).WithName("ListConfigurationVersions");
        return service;
    }

    private static async Task<Results<Created<ConfigurationSavedResponse>, ProblemHttpResult>> SaveAsync(
        string service, HttpRequest request, ConfigurationLoader loader, ObjectStore objects, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var limit = ConfigurationLimits.Default.MaxDocumentBytes;
        if (request.ContentLength > limit)
        {
            return ConfigurationProblems.TooLarge(request.ContentLength, limit);
        }

        var text = await ReadTextAsync(request.Body, limit, cancellationToken);
        if (text is null)
        {
            return ConfigurationProblems.TooLarge(null, limit);
        }

        var validation = loader.Validate(service, text);
        if (!validation.IsValid)
        {
            var first = validation.Errors.First();
            ConfigurationEndpointsLog.Refused(loggers.CreateLogger(typeof(ConfigurationEndpoints)), service, validation.Errors.Count(), first.Line, first.Column);
            return ConfigurationProblems.Invalid(validation.Diagnostics);
        }

        // The validator is pure; whether an uploaded pack exists is a question for storage.
        if (validation.Configuration!.Pack is PackSource.Object { Name: var objectName })
        {
            var found = await objects.OpenReadAsync(service, objectName, cancellationToken);
            if (found is null)
            {
                var position = ConfigurationParser.Parse(text).PositionOf("pack.object");
                return ConfigurationProblems.Invalid([new ConfigurationDiagnostic("pack.object", position.Line, position.Column, DiagnosticSeverity.Error,
                    $"pack object \"{objectName}\" is not uploaded for service {service}; upload it first with PUT /api/services/{service}/objects/{objectName}")]);
            }

            await found.Value.Content.DisposeAsync();
        }

        var saved = await loader.Store.SaveAsync(service, text, cancellationToken);
        return TypedResults.Created(
            $"/api/services/{service}/configuration?version={saved.Version.ToString(CultureInfo.InvariantCulture)}",
            new ConfigurationSavedResponse(saved.Version, saved.SavedAt, saved.Sha256, [.. validation.Warnings.Select(ConfigurationDiagnosticView.Of)]));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string service, string? version, ConfigurationStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        long? wanted = null;
        if (version is not null)
        {
            if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return ConfigurationProblems.BadVersion(version);
            }

            wanted = number;
        }

        var found = await store.GetAsync(service, wanted, cancellationToken);
        if (found is null)
        {
            return wanted is { } missing ? ConfigurationProblems.NoVersion(service, missing) : ConfigurationProblems.NoConfiguration(service);
        }

        var saved = found.Saved;
        response.Headers[VersionHeader] = saved.Version.ToString(CultureInfo.InvariantCulture);
        response.Headers[Sha256Header] = saved.Sha256;
        response.Headers[HeaderNames.ETag] = $"\"{saved.Sha256}\"";
        response.Headers[HeaderNames.LastModified] = saved.SavedAt.ToString("R", CultureInfo.InvariantCulture);
        var contentType = saved.Format == "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8";
        return TypedResults.Text(found.Text, contentType, Encoding.UTF8);
    }

    private static async Task<Ok<Catalog.ItemsResponse<ConfigurationVersionResponse>>> ListAsync(
        string service, ConfigurationStore store, CancellationToken cancellationToken)
    {
        var versions = await store.ListAsync(service, cancellationToken);
        return TypedResults.Ok(new Catalog.ItemsResponse<ConfigurationVersionResponse>([.. versions.Select(ConfigurationVersionResponse.Of)]));
    }

    /// <summary>The body as UTF-8 text, or null when it is longer than <paramref name="limit"/> bytes (read no further than that).</summary>
    private static async Task<string?> ReadTextAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        // A byte-order mark is not part of the text.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
    }
}
