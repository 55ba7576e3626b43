using Mage.CodeHosts.Git;
using Mage.CodeHosts.GitLab;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mage.CodeHosts;

/// <summary>Registers the code hosts of the merge-request step.</summary>
public static class CodeHostsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="MergeRequestOptions"/> (section <c>Mage:MergeRequests</c>), the GitLab and git hosts and their registry.</summary>
    public static IServiceCollection AddMergeRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MergeRequestOptions>().Bind(configuration.GetSection(MergeRequestOptions.Section))
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Mage__MergeRequests__PublicUrl must be an absolute URL (the address people use to reach this app).")
            .Validate(o => o.GitLabMaxRetries >= 0 && o.GitCommandTimeout > TimeSpan.Zero, "Mage__MergeRequests__GitLabMaxRetries must be ≥ 0 and GitCommandTimeout positive.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MergeRequestOptions>>().Value);
        services.AddHttpClient<GitLabClient>(http => http.Timeout = TimeSpan.FromSeconds(100))
            .ConfigurePrimaryHttpMessageHandler(GitLabClient.CreateHandler);
        services.AddSingleton(sp => new GitRunner(sp.GetRequiredService<MergeRequestOptions>().GitCommandTimeout));
        services.AddTransient<ICodeHost>(sp => ActivatorUtilities.CreateInstance<GitLabCodeHost>(sp, sp.GetRequiredService<GitLabClient>()));
        services.AddSingleton<ICodeHost, GitCodeHost>();
        services.AddTransient<CodeHostRegistry>();
        return services;
    }
}
