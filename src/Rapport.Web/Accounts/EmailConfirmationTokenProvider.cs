using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Core.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>
/// Email confirmation links live three days, so a new member can confirm tomorrow; password reset and
/// email change links keep the default provider's one hour.
/// </summary>
internal sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<EmailConfirmationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "EmailConfirmation";
}

internal sealed class EmailConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public EmailConfirmationTokenProviderOptions()
    {
        Name = EmailConfirmationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(3);
    }
}
