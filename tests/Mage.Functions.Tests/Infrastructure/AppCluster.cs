using System.Text;
using Mage.Testing;

namespace Mage.Functions.Tests.Infrastructure;

/// <summary>
/// Several app processes (<see cref="AppProcess"/>) with the same settings, so the same storage,
/// task hub and work root: one deployment with several instances. An instance can be killed with
/// SIGKILL and started again in its slot; requests go to any instance that answers. Thread-safe.
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Instance?[] _instances;
    private readonly StringBuilder _killedOutput = new();
    private int _next;
    private int _started;

    private AppCluster(IReadOnlyDictionary<string, string?> settings, int size)
    {
        _settings = settings;
        _instances = new Instance?[size];
        LogDirectory = Directory.CreateTempSubdirectory("mage-cluster-logs-").FullName;
    }

    /// <summary>Where the whole output of every instance is written (<c>instance-N.log</c>) once it is killed or disposed.</summary>
    public string LogDirectory { get; }

    /// <summary>How many instances the cluster has (running or being restarted).</summary>
    public int Size => _instances.Length;

    /// <summary>Starts <paramref name="size"/> instances, one after the other (the first creates the task hub).</summary>
    public static async Task<AppCluster> StartAsync(IReadOnlyDictionary<string, string?> settings, int size)
    {
        var cluster = new AppCluster(settings, size);
        try
        {
            for (var i = 0; i < size; i++)
            {
                cluster._instances[i] = await cluster.StartInstanceAsync();
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Whether slot <paramref name="slot"/> has a running instance (false while it is being restarted).</summary>
    public bool IsRunning(int slot)
    {
        lock (_instances)
        {
            return _instances[slot] is not null;
        }
    }

    /// <summary>
    /// SIGKILL to instance <paramref name="slot"/> and the job processes it started (returns once it is dead),
    /// then a fresh instance in its slot (the returned task ends once that one is healthy).
    /// </summary>
    public Task KillAndRestartAsync(int slot)
    {
        Instance? killed;
        lock (_instances)
        {
            killed = _instances[slot];
            _instances[slot] = null;
        }

        if (killed is not null)
        {
            killed.App.KillHard();
            killed.SaveOutput();
            lock (_killedOutput)
            {
                var output = killed.App.Output;
                _killedOutput.AppendLine($"--- killed instance {killed.App.BaseAddress}, last output ---").AppendLine(output[^Math.Min(output.Length, 3000)..]);
            }
        }

        return RestartAsync(slot, killed);
    }

    /// <summary>
    /// Sends the request made by <paramref name="request"/> to the running instances in turn until
    /// one answers (an instance killed meanwhile does not answer), for at most <paramref name="timeout"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            Instance? instance;
            lock (_instances)
            {
                instance = Enumerable.Range(0, _instances.Length).Select(i => _instances[(_next + i) % _instances.Length]).FirstOrDefault(i => i is not null);
                _next++;
            }

            if (instance is not null)
            {
                try
                {
                    return await instance.Client.SendAsync(request());
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    last = ex; // killed while it answered: the next instance takes the request
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no app instance answered within {timeout}", last);
    }

    /// <summary>The last output of every instance, running or killed, for failure messages.</summary>
    public string OutputTail()
    {
        var text = new StringBuilder($"(whole output of every instance: {LogDirectory})\n");
        lock (_killedOutput)
        {
            text.Append(_killedOutput);
        }

        lock (_instances)
        {
            foreach (var instance in _instances.OfType<Instance>())
            {
                var output = instance.App.Output;
                text.AppendLine($"--- running instance {instance.App.BaseAddress}, last output ---").AppendLine(output[^Math.Min(output.Length, 3000)..]);
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Instance?[] instances;
        lock (_instances)
        {
            instances = [.. _instances];
            Array.Clear(_instances);
        }

        foreach (var instance in instances.OfType<Instance>())
        {
            instance.SaveOutput();
            await instance.DisposeAsync();
        }
    }

    private async Task RestartAsync(int slot, Instance? killed)
    {
        if (killed is not null)
        {
            await killed.DisposeAsync();
        }

        var fresh = await StartInstanceAsync();
        lock (_instances)
        {
            _instances[slot] = fresh;
        }
    }

    private async Task<Instance> StartInstanceAsync()
    {
        var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), _settings, TimeSpan.FromMinutes(2));
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("x-functions-key", _settings["Mage:AdminKey"]);
        return new Instance(app, client, Path.Combine(LogDirectory, $"instance-{Interlocked.Increment(ref _started)}.log"));
    }

    private sealed record Instance(AppProcess App, HttpClient Client, string LogFile) : IAsyncDisposable
    {
        public void SaveOutput() => File.WriteAllText(LogFile, $"{App.BaseAddress}\n{App.Output}");

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }
}
