using Rapport.Cli;

return await RapportCommand.Create().Parse(args).InvokeAsync();
