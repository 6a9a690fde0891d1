using Rapport.Core.Recommendations;

namespace Rapport.Core.Tests.Recommendations;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("https://Example.COM/Path", "https://example.com/Path")]
    [InlineData("HTTPS://example.com", "https://example.com/")]
    [InlineData("https://example.com/", "https://example.com/")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a/", "https://example.com/a")]
    [InlineData("https://example.com/a//", "https://example.com/a")]
    [InlineData("https://example.com/a#section", "https://example.com/a")]
    [InlineData("https://example.com/a?utm_source=x&utm_MEDIUM=y", "https://example.com/a")]
    [InlineData("https://example.com/a?b=2&a=1&fbclid=zz&gclid=1", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?b=2&&a=1&", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a/./b/../c", "https://example.com/a/c")]
    [InlineData("  https://user:pw@example.com/a  ", "https://example.com/a")]
    [InlineData("https://bücher.example/a", "https://xn--bcher-kva.example/a")]
    [InlineData("https://example.com/watch?v=AbC", "https://example.com/watch?v=AbC")]
    public void Canonicalize_GivesOneSpellingPerAddress(string raw, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Canonicalize(raw));

    [Theory]
    [InlineData("")]
    [InlineData("example.com/a")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("data:text/html,hi")]
    public void Canonicalize_NotAnHttpAddress_IsNull(string raw) => Assert.Null(CanonicalUrl.Canonicalize(raw));
}
