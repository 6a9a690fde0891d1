namespace Rapport.Web.Accounts;

public enum PasskeyOperation
{
    Create = 0,
    Request = 1,
}
