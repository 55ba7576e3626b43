using Mage.Builds;
using Mage.Codegen;
using Mage.CodeHosts;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Security;
using Mage.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mage.Functions.Hosting;

/// <summary>Registers everything the app needs. Called once from <c>Program</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds settings, storage, local Azurite, keys, authentication, every domain project (builds,
    /// code generation, merge requests, catalog, webhooks) and the orchestrator and activity types
    /// of <see cref="BuildTasks"/> (transient): what both hosts share. The durable engine and the
    /// background loops are the host's own choice and are not added here: the standalone app adds
    /// <see cref="DurableEngineServiceCollectionExtensions.AddDurableEngine"/> and
    /// <see cref="BackgroundLoopsServiceCollectionExtensions.AddBackgroundLoops"/>; the Functions
    /// worker uses the host's Durable Functions extension and timer triggers.
    /// </summary>
    public static IServiceCollection AddMageFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        // Hosted services start in registration order: storage must answer before anything
        // that uses it (the durable engine, added after this by the host) starts.
        services.AddHostedService<LocalStorageHostedService>();
        services.AddMageBuilds(configuration, AppRoot.Find());
        services.AddMageCodegen();
        services.AddMergeRequests(configuration);
        foreach (var task in BuildTasks.Orchestrators.Concat(BuildTasks.Activities))
        {
            services.TryAddTransient(task);
        }

        services.AddSingleton(sp => StorageSettings.CreateClients(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var (key, path) = AdminKeyProvider.Resolve(config["Mage:AdminKey"], StorageSettings.UsesDevelopmentStorage(config), AppRoot.Find());
            if (path is not null)
            {
                Logs.AdminKeyLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Mage.Functions.Security"), path);
            }

            var previous = config["Mage:PreviousAdminKey"] is { Length: > 0 } old ? old : null;
            return new AdminKey(key, previous);
        });

        services.AddAuthentication(FunctionsKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, FunctionsKeyAuthenticationHandler>(FunctionsKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(MageClaims.AdminPolicy, p => p.RequireClaim(MageClaims.Role, MageClaims.AdminRole));
        services.AddMageCatalog();
        services.AddMageOpenApi();
        services.AddMageWebhooks(configuration).AddSubmitRateLimiting(configuration);
        return services;
    }
}
