using Mage.Builds.Activities;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Codegen;
using Mage.Codegen.Configuration;
using Mage.Codegen.Model;
using Mage.Codegen.Packs;
using Mage.Manifests;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Mage.Codegen;

/// <summary>
/// Mage step 5, on the workspace's worker: loads the build's configuration version, resolves its
/// template pack, renders it, writes the files into <c>generated/</c> of the workspace (for the
/// stage jobs) and keeps them with <see cref="GeneratedCodeStore"/> (for the merge-request step).
/// What it did goes to the <c>create-driver</c> job log.
/// </summary>
/// <remarks>
/// Idempotent: a repeat regenerates the same bytes (rendering is deterministic), replaces the
/// folder and overwrites the same blobs. A problem with the configuration or the pack is not an
/// exception: it comes back as <see cref="GenerateCodeResult.Error"/> so the build fails once, with
/// the pack's message, instead of being retried.
/// </remarks>
public sealed class GenerateCodeActivity(ConfigurationLoader configurations, TemplatePackResolver packs, GeneratedCodeStore store, JobLogs logs,
    ILogger<GenerateCodeActivity> logger) : TaskActivity<GenerateCodeInput, GenerateCodeResult>
{
    /// <summary>Folder of the workspace that receives the generated tree.</summary>
    public const string OutputFolder = "generated";

    /// <summary>Folder of the workspace where a git or uploaded pack is fetched (removed afterwards).</summary>
    public const string ScratchFolder = ".mage-codegen";

    /// <inheritdoc />
    public override async Task<GenerateCodeResult> RunAsync(TaskActivityContext context, GenerateCodeInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var (service, number) = BuildId.Parse(input.BuildId);
        var workspace = input.Lease.Handle.Workspace;
        var log = await logs.OpenAsync(service, number, PlanCompiler.CreateDriverJobName, [], append: true, ct);
        var scratch = Path.Combine(workspace, ScratchFolder, input.BuildId);
        try
        {
            await log.WriteLineAsync($"[mage] generating code from configuration version {input.ConfigurationVersion}", ct);
            var loaded = await configurations.LoadAsync(service, input.ConfigurationVersion, ct);
            if (loaded is not { Validation.Configuration: { } configuration })
            {
                var why = loaded is null
                    ? $"configuration version {input.ConfigurationVersion} of service {service} does not exist"
                    : $"configuration version {input.ConfigurationVersion} is not valid: {loaded.Value.Validation.Errors.FirstOrDefault()}";
                return await FailAsync(log, service, number, why, ct);
            }

            TemplatePack pack;
            IReadOnlyList<GeneratedFile> files;
            try
            {
                pack = await packs.ResolveAsync(service, configuration.Pack, scratch, log, ct);
                await log.WriteLineAsync($"[mage] pack {pack.Manifest.Name} {pack.Manifest.Version} ({pack.Origin})", ct);
                files = TemplateRenderer.Render(pack, ConfigurationMapper.Map(configuration));
            }
            catch (TemplatePackException ex)
            {
                return await FailAsync(log, service, number, ex.Message, ct);
            }
            catch (ArgumentException ex)
            {
                return await FailAsync(log, service, number, ex.Message, ct);
            }

            WriteTree(Path.Combine(workspace, OutputFolder), files);
            await store.SaveAsync(service, number, files, ct);
            await log.WriteLineAsync($"[mage] generated {files.Count} files into {OutputFolder}/ (kept for the merge request)", ct);
            CodegenLog.Generated(logger, service, number, files.Count, pack.Manifest.Name, pack.Origin, input.ConfigurationVersion);
            return new GenerateCodeResult(true, null, files.Count);
        }
        finally
        {
            DeleteQuietly(Path.Combine(workspace, ScratchFolder));
            await log.CompleteAsync(CancellationToken.None);
        }
    }

    /// <summary>Replaces <paramref name="root"/> with exactly <paramref name="files"/>.</summary>
    internal static void WriteTree(string root, IReadOnlyList<GeneratedFile> files)
    {
        // A link named like the output folder (a clone could make one) is removed, never followed.
        if (new DirectoryInfo(root) is { Exists: true, LinkTarget: not null } || File.Exists(root))
        {
            File.Delete(root);
        }
        else if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }
    }

    private async Task<GenerateCodeResult> FailAsync(IJobOutput log, string service, long number, string why, CancellationToken ct)
    {
        await log.WriteLineAsync($"[mage] code generation failed: {why}", ct);
        CodegenLog.Failed(logger, service, number, why);
        return new GenerateCodeResult(false, why, 0);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Scratch space inside the workspace; the driver removes the workspace anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
