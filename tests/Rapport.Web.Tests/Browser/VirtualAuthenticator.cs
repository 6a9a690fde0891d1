using System.Text.Json;
using Microsoft.Playwright;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// Chromium's virtual WebAuthn authenticator (DevTools protocol), standing in for a phone or laptop that keeps
/// passkeys: it stores discoverable credentials, verifies the user and answers every prompt by itself.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession _cdp;
    private readonly string _id;

    private VirtualAuthenticator(ICDPSession cdp, string id)
    {
        _cdp = cdp;
        _id = id;
    }

    public sealed record Credential(bool IsResident, string RpId, int SignCount);

    public static async Task<VirtualAuthenticator> AttachAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The passkeys the device holds.</summary>
    public async Task<IReadOnlyList<Credential>> CredentialsAsync()
    {
        var answer = await _cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = _id });
        return [.. answer!.Value.GetProperty("credentials").EnumerateArray().Select(Read)];
    }

    private static Credential Read(JsonElement credential) => new(
        credential.GetProperty("isResidentCredential").GetBoolean(),
        credential.GetProperty("rpId").GetString()!,
        credential.GetProperty("signCount").GetInt32());
}
