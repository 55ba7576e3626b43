namespace Mage.CodeHosts.Git;

/// <summary>
/// A push target for the git provider: the URL git sees on its command line (without any
/// credential) and the environment that carries the credential. Immutable.
/// </summary>
/// <remarks>
/// For http(s) remotes the token (or a password written into the URL) reaches git through a
/// credential helper defined in <c>GIT_CONFIG_COUNT</c>/<c>GIT_CONFIG_KEY_n</c>/<c>GIT_CONFIG_VALUE_n</c>
/// whose text only names the variables <c>MAGE_GIT_USERNAME</c> and <c>MAGE_GIT_TOKEN</c>; the
/// helpers of any git configuration are reset first, system configuration is ignored and
/// <c>HOME</c> is a private folder. ssh remotes use the keys of the app's user (ssh reads
/// them from the passwd home, not <c>HOME</c>), in batch mode. Nothing ever prompts
/// (<c>GIT_TERMINAL_PROMPT=0</c>, askpass <c>/bin/false</c>).
/// </remarks>
public sealed record GitRemote(string Url, string? Token, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Username sent with a token when the URL names none (GitLab accepts any; <c>oauth2</c> is its convention).</summary>
    public const string DefaultUsername = "oauth2";

    private const string CredentialHelper =
        "!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' \"$MAGE_GIT_USERNAME\" \"$MAGE_GIT_TOKEN\"; }; f";

    /// <summary>The remote of <paramref name="url"/>, with <paramref name="token"/> (or the URL's password) in the environment.</summary>
    /// <param name="url">https, http, ssh, scp-like, file URL or a local path.</param>
    /// <param name="token">Stored token, or null.</param>
    /// <param name="home">Private folder for <c>HOME</c>.</param>
    /// <param name="authorName">Author and committer name.</param>
    /// <param name="authorEmail">Author and committer e-mail.</param>
    public static GitRemote Create(string url, string? token, string home, string authorName, string authorEmail)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('-') || trimmed.Any(char.IsControl))
        {
            throw new CodeHostException("repository.url is empty, starts with '-' or contains control characters; set it to the URL or path a git push reaches");
        }

        string? user = null;
        string? password = null;
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            trimmed = new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        }

        var secret = string.IsNullOrEmpty(token) ? password : token;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["HOME"] = home,
            ["LANG"] = "C.UTF-8",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_ASKPASS"] = "/bin/false",
            ["SSH_ASKPASS"] = "/bin/false",
            ["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes",
            ["GIT_AUTHOR_NAME"] = authorName,
            ["GIT_AUTHOR_EMAIL"] = authorEmail,
            ["GIT_COMMITTER_NAME"] = authorName,
            ["GIT_COMMITTER_EMAIL"] = authorEmail,
            ["GIT_CONFIG_COUNT"] = "2",
            // An empty helper resets the list, so only ours (or none) answers.
            ["GIT_CONFIG_KEY_0"] = "credential.helper",
            ["GIT_CONFIG_VALUE_0"] = "",
            ["GIT_CONFIG_KEY_1"] = "init.defaultBranch",
            ["GIT_CONFIG_VALUE_1"] = "main",
        };
        if (!string.IsNullOrEmpty(secret))
        {
            environment["MAGE_GIT_USERNAME"] = string.IsNullOrEmpty(user) ? DefaultUsername : user;
            environment["MAGE_GIT_TOKEN"] = secret;
            environment["GIT_CONFIG_COUNT"] = "3";
            environment["GIT_CONFIG_KEY_2"] = "credential.helper";
            environment["GIT_CONFIG_VALUE_2"] = CredentialHelper;
        }

        return new GitRemote(trimmed, string.IsNullOrEmpty(secret) ? null : secret, environment);
    }

    /// <summary>The remote without its token, for logs and debugging.</summary>
    public override string ToString() => $"GitRemote {{ Url = {Url}, Token = {(Token is null ? "(none)" : "***")} }}";
}
