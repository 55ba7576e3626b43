using System.Collections.Concurrent;
using System.Diagnostics;
namespace Mage.Durable.TestWorker;

/// <summary>
/// One <c>dotnet Mage.Durable.TestWorker.dll</c> process: started with its settings in the environment, killed
/// with SIGKILL (a crash: nothing released) or stopped by closing its stdin, restartable under the same worker
/// id. Keeps the last lines it printed for failure messages. Not thread-safe; one test or benchmark drives it. The dll must sit next to the caller's (a project reference does that).
/// </summary>
public sealed class TestWorkerProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _taskHub;
    private readonly ConcurrentQueue<string> _tail = new();
    private Process? _process;

    public TestWorkerProcess(string connectionString, string taskHub, string workerId)
    {
        _connectionString = connectionString;
        _taskHub = taskHub;
        WorkerId = workerId;
    }

    public string WorkerId { get; }

    /// <summary>The affinity queue this worker reads.</summary>
    public string QueueName => Worker.DurableTaskWorkerOptions.QueueNameFor(WorkerId);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>How many times this worker was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The last lines the process printed (all its starts).</summary>
    public string Tail => string.Join('\n', _tail);

    /// <summary>Starts the process and waits until it prints "ready" (it holds its partitions then).</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Worker {WorkerId} is running already.");
        }

        string dll = Path.Combine(AppContext.BaseDirectory, "Mage.Durable.TestWorker.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment[TestWorkerSettings.StorageVariable] = _connectionString;
        start.Environment[TestWorkerSettings.TaskHubVariable] = _taskHub;
        start.Environment[TestWorkerSettings.WorkerIdVariable] = WorkerId;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, ready);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, null);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Worker {WorkerId} exited before it was ready:\n{Tail}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        await ready.Task.WaitAsync(timeout);
    }

    /// <summary>SIGKILL: no lease released, no message abandoned, like a machine that dies.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited already.
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    /// <summary>Closes stdin: the worker stops gracefully (releases its leases) and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private void OnLine(string? line, TaskCompletionSource? ready)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue($"[{WorkerId}] {line}");
        while (_tail.Count > 80)
        {
            _tail.TryDequeue(out _);
        }

        if (ready is not null && line.StartsWith("ready", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
