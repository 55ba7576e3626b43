using Mage.Functions.Hosting;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Security;

var builder = WebApplication.CreateBuilder(args);
var appRoot = AppRoot.Find();
builder.Configuration.AddLocalSettings(Path.Combine(appRoot, "local.settings.json"));
builder.WebHost.UseDefaultUrlUnlessConfigured(builder.Configuration);
builder.Services.AddMageFunctions(builder.Configuration);
builder.Services.AddBackgroundLoops();
builder.Services.AddDurableEngine(builder.Configuration);

var app = builder.Build();

// Resolve the admin key now so a missing key stops start-up with its message, not the first request.
_ = app.Services.GetRequiredService<AdminKey>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDashboard();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapMageApi();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
