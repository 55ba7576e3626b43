using Mage.Cli;

return await MageApp.RunAsync(args, CliEnvironment.FromProcess());
