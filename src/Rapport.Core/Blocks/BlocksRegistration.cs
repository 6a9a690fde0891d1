using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Blocks;

public static class BlocksRegistration
{
    /// <summary>Registers the block use cases.</summary>
    public static IServiceCollection AddBlocks(this IServiceCollection services)
    {
        services.AddScoped<BlockPerson>();
        services.AddScoped<UnblockPerson>();
        services.AddScoped<ListBlocks>();
        return services;
    }
}
