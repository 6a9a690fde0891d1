using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>The authenticator-app pages still work after the restyle: set up, then sign in with a code or a recovery code.</summary>
public sealed class TwoFactorTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AuthenticatorApp_SetUp_ThenSignInAsksForTheCode(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);
        var setup = await browser.GetStringAsync("/Account/Manage/EnableAuthenticator", TestContext.Current.CancellationToken);
        var key = new HtmlParser().ParseDocument(setup).QuerySelector("kbd")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        var enabled = await browser.SubmitFormAsync("/Account/Manage/EnableAuthenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp(key) }, "send-code");
        var enabledHtml = await enabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var recoveryCode = new HtmlParser().ParseDocument(enabledHtml).QuerySelector("li code")!.TextContent;

        var phone = app.CreateClient();
        var password = await AccountClient.SignInAsync(phone, alice.Email, alice.Password);
        var secondStep = password.Headers.Location!.OriginalString;
        var withCode = await phone.SubmitFormAsync(secondStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp(key) });

        var tablet = app.CreateClient();
        var tabletStep = (await AccountClient.SignInAsync(tablet, alice.Email, alice.Password)).Headers.Location!.OriginalString;
        Assert.False(await AccountClient.IsSignedInAsync(tablet));
        var recoveryPage = tabletStep.Replace("LoginWith2fa", "LoginWithRecoveryCode", StringComparison.Ordinal);
        var withRecovery = await tablet.SubmitFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });

        Assert.Contains("Your authenticator app has been verified.", enabledHtml, StringComparison.Ordinal);
        Assert.Contains("Account/LoginWith2fa", secondStep, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.True(await AccountClient.IsSignedInAsync(phone));
        Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        Assert.True(await AccountClient.IsSignedInAsync(tablet));
    }

    /// <summary>RFC 6238 with the authenticator defaults: HMAC-SHA1, 30-second steps, 6 digits.</summary>
    internal static string Totp(string base32Key)
    {
        var step = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // TOTP is defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return code.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
