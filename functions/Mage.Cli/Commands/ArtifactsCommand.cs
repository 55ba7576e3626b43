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
            var result = await DownloadAsync(session.Client, artifact, root, cancellationToken);
            results.Add(result);
            if (!session.Json)
            {
                await (result.Verified
                    ? session.Output.WriteLineAsync($"{result.Path}  {Durations.Size(result.Size)}  sha256 {result.Sha256} ok")
                    : session.Error.WriteLineAsync(
                        $"mage: {artifact.Job}/{artifact.Name}: received {result.Size} bytes with sha256 {result.Sha256}, the listing says {artifact.Size} bytes with sha256 {artifact.Sha256}; the file was not kept"));
            }
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

    private static async Task<ArtifactDownload> DownloadAsync(MageClient client, ArtifactView artifact, string root, CancellationToken cancellationToken)
    {
        var target = TargetPath(root, artifact);
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

    /// <summary>DIR/JOB/NAME, refusing any name that would land outside DIR (a listing is data from the network).</summary>
    private static string TargetPath(string root, ArtifactView artifact)
    {
        var target = Path.GetFullPath(Path.Combine(root, artifact.Job, artifact.Name));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!target.StartsWith(prefix, StringComparison.Ordinal) || Path.IsPathRooted(artifact.Name) || Path.IsPathRooted(artifact.Job))
        {
            throw new MageApiException(new ApiProblem(0, "Unsafe artifact name", $"artifact '{artifact.Job}/{artifact.Name}' would be written outside {root}; nothing was written for it", []));
        }

        return target;
    }
}
