using Mage.Cli;

return await MageApp.RunAsync(args, Console.Out, Console.Error);
