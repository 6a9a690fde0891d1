namespace Rapport.Web.Communities;

public static class CommunityApi
{
    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
