using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Recommendations;

public static class RecommendationsRegistration
{
    /// <summary>Registers the item, recommendation, collection and feed use cases (the feed reads the trust graph from <c>AddTrust</c> and this node's <see cref="RecommendationIndex"/>).</summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddScoped<AddItem>();
        services.AddScoped<Import.ImportFilmTrust>();
        services.AddScoped<GetItem>();
        services.AddScoped<SearchItems>();
        services.AddScoped<RecommendationWriter>();
        services.AddScoped<Recommend>();
        services.AddScoped<ChangeRecommendation>();
        services.AddScoped<RevokeRecommendation>();
        services.AddScoped<GetRecommendation>();
        services.AddScoped<GetRecommendationHistory>();
        services.AddScoped<ListRecommendations>();
        services.AddScoped<CreateCollection>();
        services.AddScoped<EditCollection>();
        services.AddScoped<DeleteCollection>();
        services.AddScoped<GetCollection>();
        services.AddScoped<ListCollections>();
        services.AddScoped<AddCollectionEntry>();
        services.AddScoped<RemoveCollectionEntry>();
        services.AddScoped<MoveCollectionEntry>();
        services.AddScoped<FollowCollection>();
        services.AddScoped<UnfollowCollection>();
        services.AddScoped<ForkCollection>();
        services.AddSingleton<RecommendationIndex>();
        services.AddScoped<GetRecommendedFeed>();
        return services;
    }

    /// <summary>Warms the feed (<see cref="FeedWarmUp"/>) in the background at start-up: for the app, not for tools.</summary>
    public static IServiceCollection AddFeedWarmUp(this IServiceCollection services) => services.AddHostedService<FeedWarmUp>();
}
