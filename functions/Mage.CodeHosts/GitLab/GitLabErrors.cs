using System.Text.Json;

namespace Mage.CodeHosts.GitLab;

/// <summary>Turns GitLab's error answers into build failure messages that say what to fix. Pure; thread-safe.</summary>
public static class GitLabErrors
{
    private const int MaxDetail = 400;

    /// <summary>The failure for <paramref name="status"/>; 429 and 5xx are transient, everything else permanent.</summary>
    public static CodeHostException ToException(int status, string? detail, string operation, GitLabAddress address, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(address);
        var said = string.IsNullOrEmpty(detail) ? "" : $" GitLab said: {detail}";
        var exception = status switch
        {
            400 => new CodeHostException($"GitLab refused {operation} as invalid (400 Bad Request).{said}"),
            401 => new CodeHostException($"GitLab did not accept the repository token while {operation} (401 Unauthorized): it is missing, expired or revoked. Store a valid access token with the api scope in the service's repository settings (PUT /api/services/{{service}}, repository.token).{said}"),
            403 => new CodeHostException($"GitLab forbade {operation} (403 Forbidden): the token is valid but may not do this. Give it the api scope and at least the Developer role on {address.Project}, and make sure the branch is not protected against it.{said}"),
            404 => new CodeHostException($"GitLab answered 404 Not Found while {operation}: project '{address.Project}' does not exist at {address.ApiRoot}, the target branch does not exist, or the token cannot see them. Check repository.url, repository.project and repository.targetBranch.{said}"),
            409 => new CodeHostException($"GitLab reported a conflict (409) while {operation}: something else changed the same branch or merge request at the same time.{said}", transient: true),
            422 => new CodeHostException($"GitLab could not process {operation} (422 Unprocessable Entity): the request was well formed but GitLab's rules refused it (branch names, protected branches, a closed project?).{said}"),
            429 => new CodeHostException($"GitLab kept rate-limiting {operation} (429 Too Many Requests){(retryAfter is { } wait ? $"; it asked to wait {wait.TotalSeconds:0} s" : "")}; the step will be retried.{said}", transient: true),
            >= 300 and < 400 => new CodeHostException($"GitLab redirected {operation} ({status}) and redirects are not followed, so the token never travels to another address; set repository.url to the address GitLab itself uses (https, the final host name).{said}"),
            >= 500 => new CodeHostException($"GitLab failed while {operation} ({status}); the step will be retried.{said}", transient: true),
            _ => new CodeHostException($"GitLab answered {status} while {operation}.{said}"),
        };
        return new CodeHostException(exception.Message, exception.Transient) { Status = status };
    }

    /// <summary>GitLab's <c>message</c> or <c>error</c> field (string, array or object of messages), or the start of a plain-text body; shortened.</summary>
    public static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "message", "error" })
                {
                    if (document.RootElement.TryGetProperty(name, out var value))
                    {
                        return Shorten(Flatten(value));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A plain-text body (GitLab's "Retry later", a proxy's page): its start is the detail.
        }

        return Shorten(text.Trim());
    }

    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Flatten)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}")),
        _ => value.GetRawText(),
    };

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxDetail ? line : line[..MaxDetail] + "…";
    }
}
