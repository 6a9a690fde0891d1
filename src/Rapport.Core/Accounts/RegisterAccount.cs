using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

/// <summary>What a person types to join.</summary>
public sealed record Registration(string? Email, string? Handle, string? DisplayName, string? Password);

/// <summary>The new account, its person, and whether it became the instance's administrator.</summary>
public sealed record RegisteredAccount(Account Account, Person Person, bool IsAdministrator);

/// <summary>
/// Creates an account and its person together, in one transaction: when either cannot be created,
/// nothing is. The first account on an empty instance becomes its administrator.
/// </summary>
public sealed class RegisterAccount(RapportDbContext db, UserManager<Account> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Said for any address that cannot register, so the form does not tell who has an account.</summary>
    public const string EmailUnavailable = "This email address can't be used to register. If you already have an account, sign in or reset your password.";

    public async Task<Outcome<RegisteredAccount>> ExecuteAsync(Registration input, CancellationToken cancellationToken = default)
    {
        var email = input.Email?.Trim();
        var handle = Handle.Normalize(input.Handle);
        var displayName = input.DisplayName?.Trim();
        var now = clock.GetUtcNow();
        var account = new Account { UserName = email, Email = email, CreatedAt = now };

        var errors = await ValidateAsync(account, handle, displayName, input.Password, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome<RegisteredAccount>.Invalid(errors);
        }

        var person = new Person { AccountId = account.Id, Handle = handle!, DisplayName = displayName!, JoinedAt = now };
        try
        {
            return await CreateAsync(account, person, input.Password!, cancellationToken);
        }
        finally
        {
            // After a rollback the tracked entities no longer match the database; after a commit nobody needs them.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<FieldErrors> ValidateAsync(Account account, string? handle, string? displayName, string? password, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (AccountEmail.Problem(account.Email) is { } emailProblem)
        {
            errors.Add("email", emailProblem);
        }

        if (Handle.Problem(handle) is { } handleProblem)
        {
            errors.Add("handle", handleProblem);
        }
        else if (await db.People.AnyAsync(p => p.Handle == handle, cancellationToken))
        {
            errors.Add("handle", HandleTaken);
        }

        ProfileRules.DisplayName(displayName, errors);

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Password is required.");
            return errors;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password);
            foreach (var error in result.Errors)
            {
                errors.Add("password", error.Description);
            }
        }

        if (PasswordRules.ContainsPersonalPart(password, handle) && errors.For("password").Count == 0)
        {
            errors.Add("password", AccountPasswordValidator.PersonalPartMessage);
        }

        return errors;
    }

    private async Task<Outcome<RegisteredAccount>> CreateAsync(Account account, Person person, string password, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RegistrationLock.AcquireAsync(db, cancellationToken);
        var isFirstAccount = !await db.Users.AnyAsync(cancellationToken);

        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return Outcome<RegisteredAccount>.Invalid(ToFieldErrors(created.Errors));
        }

        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The handle was taken between the check and the insert (unique index): nothing is kept.
            return Outcome<RegisteredAccount>.Invalid("handle", HandleTaken);
        }

        if (isFirstAccount)
        {
            await MakeAdministratorAsync(account);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RegisteredAccount(account, person, isFirstAccount);
    }

    private async Task MakeAdministratorAsync(Account account)
    {
        if (!await roles.RoleExistsAsync(Roles.Administrator))
        {
            Check(await roles.CreateAsync(new IdentityRole(Roles.Administrator)));
        }

        Check(await users.AddToRoleAsync(account, Roles.Administrator));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not make the first account administrator: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private const string HandleTaken = "That handle is taken.";

    private static FieldErrors ToFieldErrors(IEnumerable<IdentityError> identityErrors)
    {
        var errors = new FieldErrors();
        foreach (var error in identityErrors)
        {
            if (error.Code.StartsWith("Password", StringComparison.Ordinal))
            {
                errors.Add("password", error.Description);
            }
            else if (errors.For("email").Count == 0)
            {
                // Duplicate and invalid user names are the email here; one generic sentence for all of them.
                errors.Add("email", EmailUnavailable);
            }
        }

        return errors;
    }
}
