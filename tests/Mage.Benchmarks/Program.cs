using Mage.Benchmarks.Builds;
using Mage.Benchmarks.Durable;

// Dispatcher only: each section lives in its own file; add a line here to register a new one.
// Usage: dotnet run --project tests/Mage.Benchmarks -c Release -- <section> [section...]
var sections = new SortedDictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["builds"] = BuildBenchmark.RunAsync,
    ["builds-two"] = BuildBenchmark.RunTwoProcessesAsync,
    ["builds-long-step"] = BuildBenchmark.RunLongStepAsync,
    ["durable"] = DurableBenchmark.RunAsync,
    ["durable-settings"] = DurableBenchmark.RunSettingsAsync,
};

if (args.Length == 0 || args.Any(a => !sections.ContainsKey(a)))
{
    Console.Error.WriteLine("usage: Mage.Benchmarks <section> [section...]");
    Console.Error.WriteLine("sections: " + string.Join(", ", sections.Keys));
    return args.Length == 0 ? 0 : 2;
}

foreach (string section in args)
{
    Console.WriteLine($"== {section} ==");
    await sections[section]();
}

return 0;
