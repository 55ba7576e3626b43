using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Sources;
using Mage.Catalog;
using Mage.Codegen.Configuration;
using Microsoft.Extensions.Logging;

namespace Mage.Codegen.Packs;

/// <summary>
/// Finds the pack a configuration names and loads it: a built-in pack, a git repository
/// (cloned with the git command line; credentials never on its command line, no prompts), or a
/// service object holding a <c>.tar.gz</c>/<c>.zip</c> of the pack folder. Thread-safe.
/// </summary>
public sealed class TemplatePackResolver(BuiltInPacks builtIns, ObjectStore objects, JobProcess jobProcess, ILogger<GitSourceCloner> gitLogger)
{
    /// <summary>Folder inside <c>scratch</c> where a git or object pack is unpacked.</summary>
    public const string PackFolder = "pack";

    /// <summary>
    /// Loads the pack of <paramref name="source"/>. Git and object packs are fetched into
    /// <paramref name="scratch"/> (emptied first, so a repeat starts clean); the caller deletes it.
    /// </summary>
    /// <exception cref="TemplatePackException">The pack cannot be fetched, or it is broken; the message says which and how to fix it.</exception>
    public async Task<TemplatePack> ResolveAsync(string service, PackSource source, string scratch, IJobOutput log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(log);
        switch (source)
        {
            case PackSource.BuiltIn builtIn:
                return builtIns.Load(builtIn.Name);

            case PackSource.Git git:
                {
                    Reset(scratch);
                    var origin = $"git:{GitSourceCloner.DefaultDirectory(git.Url)}@{git.Ref ?? "default branch"}";
                    var cloner = new GitSourceCloner(jobProcess, gitLogger);
                    var env = new Dictionary<string, string>(StringComparer.Ordinal);
                    var result = await cloner.CloneAsync(scratch, git.Url, git.Ref, PackFolder, log, env, cancellationToken);
                    if (result.Outcome != JobOutcome.Passed)
                    {
                        throw new TemplatePackException(origin, new PackProblem(string.Empty, 0,
                            $"the pack repository could not be cloned{(git.Ref is null ? string.Empty : " or its ref " + git.Ref + " checked out")}; git's message is in the create-driver log. Check the URL, the ref and that the repository is readable without a prompt"));
                    }

                    var root = Path.Combine(scratch, PackFolder);
                    if (!string.IsNullOrEmpty(git.Path))
                    {
                        if (TemplateRenderer.PathRefusal(git.Path.Trim('/')) is { } refusal)
                        {
                            throw new TemplatePackException(origin, new PackProblem(string.Empty, 0, $"the pack path {git.Path} is refused: it {refusal}"));
                        }

                        root = Path.Combine(root, git.Path.Trim('/'));
                        if (!Directory.Exists(root))
                        {
                            throw new TemplatePackException(origin, new PackProblem(string.Empty, 0, $"the repository has no folder {git.Path} at {git.Ref ?? "its default branch"}"));
                        }
                    }

                    return TemplatePackLoader.Load(root, origin);
                }

            case PackSource.Object obj:
                {
                    var origin = "object:" + obj.Name;
                    var opened = await objects.OpenReadAsync(service, obj.Name, cancellationToken);
                    if (opened is not { } found)
                    {
                        throw new TemplatePackException(origin, new PackProblem(string.Empty, 0,
                            $"service {service} has no object {obj.Name}; upload the packed pack with PUT /api/services/{service}/objects/{obj.Name}"));
                    }

                    Reset(scratch);
                    await using (found.Content)
                    {
                        var root = await PackArchive.ExtractAsync(found.Content, Path.Combine(scratch, PackFolder), origin, cancellationToken);
                        return TemplatePackLoader.Load(root, origin);
                    }
                }

            default:
                throw new TemplatePackException("pack", new PackProblem(string.Empty, 0, $"unknown pack source {source.GetType().Name}"));
        }
    }

    private static void Reset(string scratch)
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        Directory.CreateDirectory(scratch);
    }
}
