using Mage.Azurite;

namespace Mage.Azurite.Tests;

/// <summary>
/// The entry point of this test assembly, for the tests that need separate processes:
/// <c>dotnet Mage.Azurite.Tests.dll install-probe &lt;infra/local copy&gt;</c> starts Azurite from that
/// folder (installing it if needed), asks its blob service for an answer, prints <c>READY</c> and stops it.
/// Prints <c>INSTALLING</c> when this process is the one that runs <c>npm ci</c>. Exit code 0 on success.
/// The test host never calls it.
/// </summary>
internal static class InstallProbeProgram
{
    public const string Verb = "install-probe";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Verb)
        {
            await Console.Error.WriteLineAsync($"usage: dotnet Mage.Azurite.Tests.dll {Verb} <infra/local folder>");
            return 2;
        }

        try
        {
            AzuriteOptions options = AzuriteOptions.Ephemeral(args[1]) with
            {
                Installing = notice => Console.WriteLine($"INSTALLING {notice.Version} {notice.Folder}"),
            };
            await using AzuriteLauncher launcher = await AzuriteLauncher.StartAsync(options);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using HttpResponseMessage answer = await http.GetAsync(new Uri($"http://{launcher.Host}:{launcher.BlobPort}/{AzuriteLauncher.DevelopmentAccountName}?comp=list"));
            // Unsigned, so 403; what matters is that the blob service itself answered.
            if (!answer.Headers.Contains("x-ms-request-id"))
            {
                await Console.Error.WriteLineAsync($"the blob port answered without x-ms-request-id: {(int)answer.StatusCode}");
                return 1;
            }

            Console.WriteLine($"READY {launcher.BlobPort}");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync($"FAILED {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
