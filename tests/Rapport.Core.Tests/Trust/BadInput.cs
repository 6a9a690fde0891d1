using Rapport.Core.People;
using Rapport.Core.Trust;

namespace Rapport.Core.Tests.Trust;

/// <summary>Statements that must be refused, each with the field the error belongs to.</summary>
internal static class BadInput
{
    public sealed record Context(Person Author, Person Other, string SharedCommunity, string ForeignCommunity);

    private static TrustStatementInput Valid(Context c) => new(c.Other.Handle, 0.6, "sailing", TrustVisibility.Public, null, "Fine.");

    public static readonly IReadOnlyDictionary<string, Func<Context, (string Field, TrustStatementInput Input)>> All =
        new Dictionary<string, Func<Context, (string, TrustStatementInput)>>
        {
            ["about themselves"] = c => ("to", Valid(c) with { To = c.Author.Handle }),
            ["about nobody"] = c => ("to", Valid(c) with { To = null }),
            ["about an unknown handle"] = c => ("to", Valid(c) with { To = "nobody_by_this_name" }),
            ["value missing"] = c => ("value", Valid(c) with { Value = null }),
            ["value 0"] = c => ("value", Valid(c) with { Value = 0 }),
            ["value nearly 0"] = c => ("value", Valid(c) with { Value = -0.001 }),
            ["value above 1"] = c => ("value", Valid(c) with { Value = 1.0000001 }),
            ["value below -1"] = c => ("value", Valid(c) with { Value = -2 }),
            ["value not a number"] = c => ("value", Valid(c) with { Value = double.NaN }),
            ["value infinite"] = c => ("value", Valid(c) with { Value = double.PositiveInfinity }),
            ["topic too long"] = c => ("topic", Valid(c) with { Topic = new string('t', 61) }),
            ["topic with a control character"] = c => ("topic", Valid(c) with { Topic = "sail\u0007ing" }),
            ["visibility missing"] = c => ("visibility", Valid(c) with { Visibility = null }),
            ["visibility undefined"] = c => ("visibility", Valid(c) with { Visibility = (TrustVisibility)7 }),
            ["community visibility without a community"] = c => ("community", Valid(c) with { Visibility = TrustVisibility.Community }),
            ["a community the author is not in"] = c => ("community", Valid(c) with { Visibility = TrustVisibility.Community, Community = c.ForeignCommunity }),
            ["a community that does not exist"] = c => ("community", Valid(c) with { Visibility = TrustVisibility.Community, Community = "no-such-community" }),
            ["public naming a community"] = c => ("community", Valid(c) with { Community = c.SharedCommunity }),
            ["private naming a community"] = c => ("community", Valid(c) with { Visibility = TrustVisibility.Private, Community = c.SharedCommunity }),
            ["note too long"] = c => ("note", Valid(c) with { Note = new string('n', TrustStatement.NoteMaxLength + 1) }),
            ["note with a control character"] = c => ("note", Valid(c) with { Note = "bell \u0007" }),
        };
}
