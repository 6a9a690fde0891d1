using System.CommandLine;
using System.Globalization;

namespace Rapport.Cli.Commands;

/// <summary>Validation shared by the verbs' options; a violation is a parse error naming the option.</summary>
internal static class OptionRules
{
    public static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be at least 1.");
            }
        });
        return option;
    }

    /// <summary>A comma-separated list of positive integers such as <c>1,3,10</c>, in the order given, without repeats.</summary>
    public static int[] PositiveList(string value, string optionName)
    {
        var numbers = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw new CliException($"{optionName} takes positive integers separated by commas, like 1,3,10; '{part}' is not one.");
            }

            if (!numbers.Contains(number))
            {
                numbers.Add(number);
            }
        }

        return numbers.Count > 0 ? [.. numbers] : throw new CliException($"{optionName} needs at least one number, like 1,3,10.");
    }
}
