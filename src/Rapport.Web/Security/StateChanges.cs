namespace Rapport.Web.Security;

/// <summary>Which HTTP methods change state: everything but GET, HEAD and OPTIONS (RFC 9110 safe methods).</summary>
public static class StateChanges
{
    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
}
