using System.Globalization;
using System.Text;
using Rapport.Core.People;

namespace Rapport.Core.Demo;

/// <summary>Handles people would pick for themselves from their names ("aino_virtanen", "joaoc"), unique and valid.</summary>
internal static class DemoHandles
{
    public static string Derive(string given, string family, Random random, HashSet<string> taken)
    {
        var first = Ascii(given);
        var last = Ascii(family);
        var stem = random.Next(10) switch
        {
            < 5 => $"{first}_{last}",
            < 7 => $"{first}{last}",
            < 9 => $"{first}{last[0]}",
            _ => $"{last}_{first}",
        };
        stem = stem.Length > Person.HandleMaxLength - 3 ? stem[..(Person.HandleMaxLength - 3)] : stem;

        var handle = stem;
        for (var n = 2; taken.Contains(handle) || Handle.Problem(handle) is not null; n++)
        {
            handle = $"{stem}{n}";
        }

        taken.Add(handle);
        return handle;
    }

    /// <summary>"Łukasz" → "lukasz", "Nguyễn" → "nguyen", "O'Connor" → "oconnor": the letters a handle may hold.</summary>
    public static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch
                {
                    'ø' => "o",
                    'æ' => "ae",
                    'œ' => "oe",
                    'ß' => "ss",
                    'ł' => "l",
                    'đ' or 'ð' => "d",
                    'þ' => "th",
                    'ı' => "i",
                    _ => "",
                });
            }
        }

        return builder.ToString();
    }
}
