using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mage.Cli.Api;

/// <summary>The JSON conventions of the API (camelCase) and of the CLI's <c>--json</c> output.</summary>
internal static class MageJson
{
    /// <summary>Reading API bodies.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Optional request fields (comment, configurationVersion) are left out rather than sent as null.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writing <c>--json</c> output: indented, and non-ASCII text left readable (this goes to a terminal or a pipe, never into HTML).</summary>
    public static JsonSerializerOptions Output { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
