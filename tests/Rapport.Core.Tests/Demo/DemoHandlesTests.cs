using Rapport.Core.Demo;
using Rapport.Core.People;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoHandlesTests
{
    [Theory]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("O'Connor", "oconnor")]
    [InlineData("Dela Cruz", "delacruz")]
    [InlineData("Yılmaz", "yilmaz")]
    [InlineData("Søren", "soren")]
    [InlineData("Hyun-woo", "hyunwoo")]
    [InlineData("Müller", "muller")]
    public void Ascii_KeepsTheLettersOfAName(string name, string expected) =>
        Assert.Equal(expected, DemoHandles.Ascii(name));

    [Fact]
    public void Derive_ForTheSameNameTwice_GivesTwoValidHandles()
    {
        var taken = new HashSet<string>();
        var random = new Random(1);

        var handles = Enumerable.Range(0, 20).Select(_ => DemoHandles.Derive("Aino", "Virtanen", random, taken)).ToList();

        Assert.Equal(20, handles.Distinct().Count());
        Assert.All(handles, h => Assert.Null(Handle.Problem(h)));
    }
}
