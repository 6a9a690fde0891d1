using Rapport.Core.Accounts;

namespace Rapport.Core.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("QwErTy123456")]
    [InlineData(" 1q2w3e4r5t6y ")]
    public void IsCommon_WithListedPasswordInAnyCase_IsTrue(string password) => Assert.True(PasswordRules.IsCommon(password));

    [Fact]
    public void IsCommon_WithUnlistedPassphrase_IsFalse() => Assert.False(PasswordRules.IsCommon("violet kettle across nine"));

    [Theory]
    [InlineData("my name is someone!", "someone", true)]
    [InlineData("MY NAME IS SOMEONE!", "someone", true)]
    [InlineData("a bob in the water", "bob", false)]
    [InlineData("nothing personal here", null, false)]
    public void ContainsPersonalPart_RefusesOnlyPartsOfFourOrMoreCharacters(string password, string? part, bool expected) =>
        Assert.Equal(expected, PasswordRules.ContainsPersonalPart(password, part));

    [Theory]
    [InlineData("ada@example.org", "ada")]
    [InlineData("@example.org", null)]
    [InlineData(null, null)]
    public void LocalPart_IsTheTextBeforeTheAt(string? email, string? expected) => Assert.Equal(expected, PasswordRules.LocalPart(email));
}
