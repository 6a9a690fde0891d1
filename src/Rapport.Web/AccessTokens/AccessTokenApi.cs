namespace Rapport.Web.AccessTokens;

public static class AccessTokenApi
{
    public static IEndpointRouteBuilder MapAccessTokenApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
