using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mage.CodeHosts.GitLab.Api;
using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts.GitLab;

/// <summary>
/// The GitLab REST v4 endpoints Mage uses, over a typed <see cref="HttpClient"/> (GitLabApiClient
/// and NGitLab are not served). The token goes only into the <c>PRIVATE-TOKEN</c> header of each
/// request; it is never part of a URL, a log line or an exception message.
/// </summary>
/// <remarks>
/// 429 and 5xx answers are retried up to <see cref="MergeRequestOptions.GitLabMaxRetries"/> times,
/// waiting what <c>Retry-After</c> asks (seconds or an HTTP date; exponential from 1 s without it),
/// but never longer than <see cref="MergeRequestOptions.GitLabMaxRetryDelay"/> per wait: beyond
/// that, and when retries run out, a transient <see cref="CodeHostException"/> hands the retry to
/// the durable activity's retry policy. Every other error becomes a permanent
/// <see cref="CodeHostException"/> whose message says what to fix (<see cref="GitLabErrors"/>).
/// Lists follow GitLab's offset pagination (<c>X-Next-Page</c>). Thread-safe.
/// </remarks>
public sealed class GitLabClient(HttpClient http, MergeRequestOptions options, TimeProvider time, ILogger<GitLabClient> logger)
{
    /// <summary>Largest page GitLab serves.</summary>
    public const int PageSize = 100;

    /// <summary>Most pages read of one list (100 × 100 = 10,000 entries).</summary>
    public const int MaxPages = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The handler GitLab clients must use: redirects are not followed, because the
    /// <c>PRIVATE-TOKEN</c> header would travel along to wherever a redirect points.
    /// </summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary><c>GET /projects/:id</c>.</summary>
    public async Task<GitLabProject> GetProjectAsync(GitLabAddress address, string token, CancellationToken cancellationToken) =>
        (await SendAsync<GitLabProject>(HttpMethod.Get, address, "", null, token, "reading the project", allowNotFound: false, cancellationToken))!;

    /// <summary><c>GET /projects/:id/repository/branches/:branch</c>: true when the branch exists.</summary>
    public async Task<bool> BranchExistsAsync(GitLabAddress address, string branch, string token, CancellationToken cancellationToken) =>
        await SendAsync<JsonElement?>(HttpMethod.Get, address, $"/repository/branches/{Uri.EscapeDataString(branch)}", null, token,
            $"looking up branch {branch}", allowNotFound: true, cancellationToken) is not null;

    /// <summary><c>GET /projects/:id/repository/commits?ref_name=…</c>: the newest <paramref name="count"/> commits of a branch.</summary>
    public async Task<IReadOnlyList<GitLabCommit>> ListCommitsAsync(GitLabAddress address, string branch, int count, string token, CancellationToken cancellationToken) =>
        await SendAsync<List<GitLabCommit>>(HttpMethod.Get, address, $"/repository/commits?ref_name={Uri.EscapeDataString(branch)}&per_page={count}", null, token,
            $"listing the commits of {branch}", allowNotFound: false, cancellationToken) ?? [];

    /// <summary><c>GET /projects/:id/repository/tree?ref=…&amp;recursive=true</c>, every page.</summary>
    public Task<IReadOnlyList<GitLabTreeEntry>> ListTreeAsync(GitLabAddress address, string gitRef, string token, CancellationToken cancellationToken) =>
        ListAllAsync<GitLabTreeEntry>(address, $"/repository/tree?ref={Uri.EscapeDataString(gitRef)}&recursive=true", token, $"reading the file tree of {gitRef}", cancellationToken);

    /// <summary><c>GET /projects/:id/repository/files/:file_path/raw?ref=…</c>: the bytes, or null when the file does not exist.</summary>
    public async Task<byte[]?> GetRawFileAsync(GitLabAddress address, string path, string gitRef, string token, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, address, $"/repository/files/{Uri.EscapeDataString(path)}/raw?ref={Uri.EscapeDataString(gitRef)}",
            null, token, $"reading {path} on {gitRef}", allowNotFound: true, cancellationToken);
        return response is null ? null : await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary><c>POST /projects/:id/repository/commits</c>.</summary>
    public async Task<GitLabCommit> CreateCommitAsync(GitLabAddress address, GitLabCommitRequest commit, string token, CancellationToken cancellationToken) =>
        (await SendAsync<GitLabCommit>(HttpMethod.Post, address, "/repository/commits", commit, token,
            $"committing to {commit.Branch}", allowNotFound: false, cancellationToken))!;

    /// <summary><c>GET /projects/:id/merge_requests?source_branch=…&amp;target_branch=…&amp;state=opened</c>, every page.</summary>
    public Task<IReadOnlyList<GitLabMergeRequest>> ListOpenMergeRequestsAsync(GitLabAddress address, string sourceBranch, string targetBranch, string token, CancellationToken cancellationToken) =>
        ListAllAsync<GitLabMergeRequest>(address,
            $"/merge_requests?source_branch={Uri.EscapeDataString(sourceBranch)}&target_branch={Uri.EscapeDataString(targetBranch)}&state=opened",
            token, $"looking for an open merge request from {sourceBranch}", cancellationToken);

    /// <summary><c>POST /projects/:id/merge_requests</c>.</summary>
    public async Task<GitLabMergeRequest> CreateMergeRequestAsync(GitLabAddress address, GitLabMergeRequestWrite request, string token, CancellationToken cancellationToken) =>
        (await SendAsync<GitLabMergeRequest>(HttpMethod.Post, address, "/merge_requests", request, token,
            $"opening the merge request from {request.SourceBranch}", allowNotFound: false, cancellationToken))!;

    /// <summary><c>PUT /projects/:id/merge_requests/:merge_request_iid</c> (title and description).</summary>
    public async Task<GitLabMergeRequest> UpdateMergeRequestAsync(GitLabAddress address, long iid, string title, string description, string token, CancellationToken cancellationToken) =>
        (await SendAsync<GitLabMergeRequest>(HttpMethod.Put, address, $"/merge_requests/{iid}", new GitLabMergeRequestWrite(null, null, title, description), token,
            $"updating merge request !{iid}", allowNotFound: false, cancellationToken))!;

    private async Task<IReadOnlyList<T>> ListAllAsync<T>(GitLabAddress address, string pathAndQuery, string token, string operation, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var page = "1";
        for (var read = 0; read < MaxPages && !string.IsNullOrEmpty(page); read++)
        {
            using var response = (await SendRawAsync(HttpMethod.Get, address, $"{pathAndQuery}&per_page={PageSize}&page={page}", null, token, operation, allowNotFound: false, cancellationToken))!;
            all.AddRange(await response.Content.ReadFromJsonAsync<List<T>>(Json, cancellationToken) ?? []);
            page = response.Headers.TryGetValues("X-Next-Page", out var next) ? next.FirstOrDefault()?.Trim() : null;
        }

        return all;
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, GitLabAddress address, string path, object? body, string token, string operation, bool allowNotFound, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, address, path, body, token, operation, allowNotFound, cancellationToken);
        if (response is null)
        {
            return default;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new CodeHostException($"GitLab's answer to {operation} is not the JSON its API documents; is {address.ApiRoot} a GitLab API?", transient: false, ex);
        }
    }

    /// <summary>Sends with retries; null for a tolerated 404; throws <see cref="CodeHostException"/> for every other failure.</summary>
    private async Task<HttpResponseMessage?> SendRawAsync(HttpMethod method, GitLabAddress address, string path, object? body, string token, string operation, bool allowNotFound, CancellationToken cancellationToken)
    {
        var uri = new Uri(address.ApiRoot, $"projects/{address.EncodedProject}{path}");
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Add("PRIVATE-TOKEN", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new CodeHostException($"GitLab at {address.ApiRoot} could not be reached while {operation}: {ex.Message}", transient: true, ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CodeHostException($"GitLab at {address.ApiRoot} did not answer in time while {operation}", transient: true, ex);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 404 && allowNotFound)
                {
                    return null;
                }

                if ((status == 429 || status >= 500) && attempt < options.GitLabMaxRetries)
                {
                    var delay = RetryDelay(response, attempt);
                    if (delay <= options.GitLabMaxRetryDelay)
                    {
                        CodeHostsLog.GitLabRetrying(logger, status, method.Method, uri.AbsolutePath, attempt + 1, delay);
                        await Task.Delay(delay, time, cancellationToken);
                        continue;
                    }
                }

                var detail = await GitLabErrors.DetailAsync(response, cancellationToken);
                CodeHostsLog.GitLabRefused(logger, status, method.Method, uri.AbsolutePath);
                throw GitLabErrors.ToException(status, detail, operation, address, RetryAfter(response));
            }
        }
    }

    private static TimeSpan RetryDelay(HttpResponseMessage response, int attempt) =>
        RetryAfter(response) ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));

    /// <summary>The <c>Retry-After</c> header as a delay (delta seconds or an HTTP date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
