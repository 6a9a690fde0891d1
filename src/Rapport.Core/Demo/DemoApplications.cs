using System.Globalization;
using Rapport.Core.People;

namespace Rapport.Core.Demo;

/// <summary>Answers an applicant to the Care Circle would write, one per host question, in the questions' order.</summary>
internal static class DemoApplications
{
    private static readonly string[] Hopes =
    [
        "people who understand what night shifts do to a week",
        "a few people to call when things get heavy",
        "others who look after an elderly parent",
        "peers to learn from, and maybe to cover for now and then",
    ];

    private static readonly string[] Experience =
    [
        "Yes, {years} years of {t0}, most of it {setting}.",
        "Unpaid mostly: I looked after my grandmother for {years} years while working part time.",
        "A little. I volunteered at a night shelter for {years} years and did the first aid course twice.",
    ];

    private static readonly string[] Settings = ["in home care", "in a school", "at a community centre", "with newly arrived families"];

    private static readonly string[] Confidentiality =
    [
        "Yes.",
        "Yes, absolutely. Confidentiality is part of my job already.",
        "Yes, I understand and agree.",
    ];

    public static string[] Answers(Random random, Person applicant)
    {
        var competence = applicant.Competences[0];
        var years = random.Next(2, 15).ToString(CultureInfo.InvariantCulture);
        var offer = competence.Context is null ? competence.Topic : $"{competence.Topic} ({competence.Context})";
        return
        [
            $"I can offer {offer}. I hope to find {Hopes[random.Next(Hopes.Length)]}.",
            Experience[random.Next(Experience.Length)]
                .Replace("{years}", years, StringComparison.Ordinal)
                .Replace("{t0}", competence.Topic, StringComparison.Ordinal)
                .Replace("{setting}", Settings[random.Next(Settings.Length)], StringComparison.Ordinal),
            Confidentiality[random.Next(Confidentiality.Length)],
        ];
    }
}
