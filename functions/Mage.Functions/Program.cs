using Mage.Functions.Endpoints;
using Mage.Functions.Endpoints.Builds;
using Mage.Functions.Hosting;
using Mage.Functions.Security;

var builder = WebApplication.CreateBuilder(args);
var appRoot = AppRoot.Find();
builder.Configuration.AddLocalSettings(Path.Combine(appRoot, "local.settings.json"));
builder.WebHost.UseDefaultUrlUnlessConfigured(builder.Configuration);
builder.Services.AddMageFunctions(builder.Configuration);

var app = builder.Build();

// Resolve the admin key now so a missing key stops start-up with its message, not the first request.
_ = app.Services.GetRequiredService<AdminKey>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

var api = app.MapGroup("/api");
api.MapHealthEndpoints();
api.MapBuildEndpoints();
api.MapBuildLogEndpoints();
api.MapArtifactEndpoints();
api.MapManifestEndpoints();
api.MapCatalogEndpoints();
api.MapMageOpenApi();
api.MapWebhookEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
