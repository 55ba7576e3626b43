using System.Text.Json;

namespace Mage.Cli.Api;

/// <summary>A successful JSON answer: typed for the text output, and as sent for <c>--json</c> (so fields the CLI does not know yet still reach scripts).</summary>
/// <typeparam name="T">The typed view.</typeparam>
/// <param name="Value">The body read as <typeparamref name="T"/>.</param>
/// <param name="Json">The body as sent.</param>
internal sealed record ApiResult<T>(T Value, JsonElement Json);
