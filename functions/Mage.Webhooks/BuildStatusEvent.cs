using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mage.Builds.Records;

namespace Mage.Webhooks;

/// <summary>
/// The <c>build.status_changed</c> event of one transition: its id and its exact body bytes.
/// Everything is derived from the stored build record, so observing the same transition twice
/// yields the same id and the same bytes. Pure; thread-safe.
/// </summary>
public static class BuildStatusEvent
{
    /// <summary>Longest free text (comment, error) copied into a body; a body stays well under the ~20 KB the specification suggests.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>
    /// The event id (<c>webhook-id</c>): <c>msg_</c> and 32 hex digits of SHA-256 over build id and new status.
    /// A build passes through each status at most once, so the pair names one transition.
    /// </summary>
    public static string IdOf(string buildId, string status) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(buildId + "\n" + status)))[..32];

    /// <summary>
    /// Position of <paramref name="status"/> in a build's life, used to deliver a build's events in order
    /// (running before any final status).
    /// </summary>
    public static int SequenceOf(string status) => BuildStatus.All.ToList().IndexOf(status) is var i and >= 0 ? i : BuildStatus.All.Count;

    /// <summary>
    /// When the transition happened: the start for <c>running</c>, the finish for final statuses.
    /// </summary>
    public static DateTimeOffset TimeOf(BuildRecord build) =>
        (BuildStatus.IsTerminal(build.Status) ? build.FinishedAt : build.Status == BuildStatus.Running ? build.StartedAt : null) ?? build.CreatedAt;

    /// <summary>
    /// The UTF-8 body: <c>{ "type", "timestamp", "data": { "build": {…}, "previousStatus", "status" } }</c>.
    /// Every value of <paramref name="maskedValues"/> is replaced by <c>xxxxxx</c> in the free-text fields.
    /// </summary>
    public static byte[] Body(BuildRecord build, string previousStatus, IReadOnlyCollection<string> maskedValues)
    {
        ArgumentNullException.ThrowIfNull(build);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", WebhookEventTypes.BuildStatusChanged);
            json.WriteString("timestamp", Iso(TimeOf(build)));
            json.WriteStartObject("data");
            json.WriteStartObject("build");
            json.WriteString("id", build.Id);
            json.WriteNumber("number", build.Number);
            json.WriteString("service", build.Service);
            json.WriteString("tag", build.Tag);
            WriteText(json, "comment", build.Comment, maskedValues);
            json.WriteString("status", build.Status);
            json.WriteString("mageStatus", BuildStatus.MageName(build.Status));
            json.WriteString("createdAt", Iso(build.CreatedAt));
            WriteTime(json, "startedAt", build.StartedAt);
            WriteTime(json, "finishedAt", build.FinishedAt);
            WriteText(json, "error", build.Error, maskedValues);
            json.WriteString("uri", $"/api/builds/{build.Id}");
            json.WriteEndObject();
            json.WriteString("previousStatus", previousStatus);
            json.WriteString("status", build.Status);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><paramref name="text"/> with every masked value replaced by <c>xxxxxx</c>.</summary>
    public static string Mask(string text, IEnumerable<string> maskedValues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(maskedValues);

        // Longest first, so a secret that contains a shorter one is replaced whole.
        foreach (var value in maskedValues.Where(v => v.Length >= Catalog.VariableStore.MinMaskedLength).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Catalog.VariableStore.MaskedValue, StringComparison.Ordinal);
        }

        return text;
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? text, IReadOnlyCollection<string> maskedValues)
    {
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }

        // Mask before shortening, so a cut cannot leave part of a secret behind.
        var masked = Mask(text, maskedValues);
        json.WriteString(name, masked.Length <= MaxTextLength ? masked : masked[..MaxTextLength] + "…");
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, Iso(t));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
