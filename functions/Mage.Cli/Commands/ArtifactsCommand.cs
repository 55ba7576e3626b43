using System.CommandLine;
using System.Security.Cryptography;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary>
/// <c>mage artifacts ID [--download DIR]</c>: lists a build's artifacts; with <c>--download</c>
/// writes each to <c>DIR/JOB/NAME</c> and checks its SHA-256 against the listing. A file whose
/// checksum or size differs is not kept and the command exits 1.
/// </summary>
internal static class ArtifactsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Build id" };
        var download = new Option<string?>("--download", "-d") { Description = "Download every artifact into DIR/JOB/NAME, verifying SHA-256", HelpName = "DIR" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("artifacts", "List (or download) a build's artifacts") { id, download });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options,
            (session, token) => RunAsync(session, parseResult.GetRequiredValue(id), parseResult.GetValue(download), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string id, string? directory, CancellationToken cancellationToken)
    {
        var list = await session.Client.GetAsync<IReadOnlyList<ArtifactView>>($"api/builds/{MageClient.Segment(id)}/artifacts", cancellationToken);
        if (directory is null)
        {
            if (session.Json)
            {
                await session.WriteJsonAsync(list.Json);
                return MageApp.Success;
            }

            await WriteListAsync(session, id, list.Value);
            return MageApp.Success;
        }

        var root = Path.GetFullPath(directory);
        var results = new List<ArtifactDownload>();
        foreach (var artifact in list.Value)
        {
            if (TargetPath(root, artifact) is not { } target)
            {
                // A listing is data from the network: a name that climbs out of DIR is never followed.
                results.Add(new ArtifactDownload(artifact.Job, artifact.Name, 0, "", null, false));
                await session.Error.WriteLineAsync($"mage: {artifact.Job}/{artifact.Name}: the name leads outside {root}; skipped");
                continue;
            }

            var result = await DownloadAsync(session.Client, artifact, target, cancellationToken);
            results.Add(result);
            await (result.Verified
                ? (session.Json ? Task.CompletedTask : session.Output.WriteLineAsync($"{result.Path}  {Durations.Size(result.Size)}  sha256 {result.Sha256} ok"))
                : session.Error.WriteLineAsync(
                    $"mage: {artifact.Job}/{artifact.Name}: received {result.Size} bytes with sha256 {result.Sha256}, the listing says {artifact.Size} bytes with sha256 {artifact.Sha256}; the file was not kept"));
        }

        if (session.Json)
        {
            await session.WriteJsonAsync(new { id, directory = root, items = results });
        }
        else if (results.Count == 0)
        {
            await session.Error.WriteLineAsync($"build {id} has no artifacts");
        }

        return results.All(r => r.Verified) ? MageApp.Success : MageApp.Failure;
    }

    private static async Task WriteListAsync(ApiSession session, string id, IReadOnlyList<ArtifactView> artifacts)
    {
        if (artifacts.Count == 0)
        {
            await session.Error.WriteLineAsync($"build {id} has no artifacts");
            return;
        }

        var table = new TextTable("JOB", "NAME", "SIZE", "SHA256");
        foreach (var artifact in artifacts)
        {
            table.Add(artifact.Job, artifact.Name, Durations.Size(artifact.Size), artifact.Sha256);
        }

        await table.WriteAsync(session.Output);
    }

    private static async Task<ArtifactDownload> DownloadAsync(MageClient client, ArtifactView artifact, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and moved into place only when verified, so DIR never holds a file that failed its check.
        var partial = target + ".mage-partial";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        using (var response = await client.OpenStreamAsync(artifact.Uri, cancellationToken))
        {
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        var verified = size == artifact.Size && string.Equals(sha256, artifact.Sha256, StringComparison.OrdinalIgnoreCase);
        if (!verified)
        {
            File.Delete(partial);
            return new ArtifactDownload(artifact.Job, artifact.Name, size, sha256, null, false);
        }

        File.Move(partial, target, overwrite: true);
        return new ArtifactDownload(artifact.Job, artifact.Name, size, sha256, target, true);
    }

    /// <summary>DIR/JOB/NAME, or null when the name would land outside DIR.</summary>
    private static string? TargetPath(string root, ArtifactView artifact)
    {
        if (Path.IsPathRooted(artifact.Job) || Path.IsPathRooted(artifact.Name))
        {
            return null;
        }

        var target = Path.GetFullPath(Path.Combine(root, artifact.Job, artifact.Name));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return target.StartsWith(prefix, StringComparison.Ordinal) ? target : null;
    }
}
