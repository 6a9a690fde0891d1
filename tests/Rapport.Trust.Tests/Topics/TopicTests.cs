using CsCheck;
using Rapport.Trust.Topics;

namespace Rapport.Trust.Tests.Topics;

public sealed class TopicTests
{
    [Theory]
    [InlineData("Piloting", "piloting")]
    [InlineData("  Sourdough   Baking ", "sourdough baking")]
    [InlineData("ＡＩ safety", "ai safety")]
    [InlineData("Öffentliche\tVerwaltung", "öffentliche verwaltung")]
    public void Normalize_FoldsCaseWidthAndWhitespace(string raw, string expected) =>
        Assert.Equal(expected, Topic.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\u0000topic")]
    public void Normalize_WithNothingUsable_IsNull(string? raw) => Assert.Null(Topic.Normalize(raw));

    [Fact]
    public void Normalize_LongerThanMax_IsNull() => Assert.Null(Topic.Normalize(new string('a', Topic.MaxLength + 1)));

    [Fact]
    public void Normalize_IsIdempotent() =>
        Gen.String.Sample(raw =>
        {
            var once = Topic.Normalize(raw);
            return once is null || Topic.Normalize(once) == once;
        });
}
