using Rapport.Core.Communities;
using Rapport.Core.Notifications;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Notifications;

/// <summary>A notice in your inbox; <c>link</c> is root-relative.</summary>
public sealed record NotificationResponse(Guid Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    internal static NotificationResponse From(NotificationView n) => new(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt);
}

/// <summary>A page of your inbox, newest first; <c>unread</c> counts the whole inbox.</summary>
public sealed record NotificationPageResponse(IReadOnlyList<NotificationResponse> Items, int Total, int Unread, int Limit, int Offset);

/// <summary>How many notices were marked read.</summary>
public sealed record MarkedReadResponse(int Marked);

/// <summary>Your daily email digest: on or off, and when the last one went.</summary>
public sealed record DigestSettingResponse(bool IsEnabled, DateTimeOffset? LastSentAt);

/// <summary>Turn the daily digest on or off.</summary>
public sealed record DigestSettingRequest(bool? IsEnabled);

/// <summary>
/// /api/v1/notifications: your inbox (only notices about problems you may still see), mark one or all read, and your
/// daily digest setting. Examples: notifications.http.
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapApi("notifications", "Notifications").AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);
        inbox.MapGet("", List).WithName("ListNotifications").WithSummary("Your notices, newest first, with the unread count.")
            .Produces<NotificationPageResponse>().ProducesValidationProblem();
        inbox.MapPost("{notificationId:guid}/read", MarkRead).WithName("MarkNotificationRead").WithSummary("Mark one notice read.")
            .Produces<MarkedReadResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        inbox.MapPost("read-all", MarkAllRead).WithName("MarkAllNotificationsRead").WithSummary("Mark every notice read.")
            .Produces<MarkedReadResponse>();
        inbox.MapGet("digest", Digest).WithName("GetDigestSetting").WithSummary("Your daily email digest setting.").Produces<DigestSettingResponse>();
        inbox.MapPut("digest", ChangeDigest).WithName("ChangeDigestSetting").WithSummary("Turn the daily email digest on or off.")
            .Produces<DigestSettingResponse>();
        return endpoints;
    }

    public static async Task<IResult> List(int? limit, int? offset, Caller caller, ListNotifications useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, new PageRequest(limit, offset), cancellationToken)).ToResult(page => TypedResults.Ok(
            new NotificationPageResponse([.. page.Items.Select(NotificationResponse.From)], page.Total, page.Unread, page.Limit, page.Offset)));

    public static async Task<IResult> MarkRead(Guid notificationId, Caller caller, MarkNotificationsRead useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, notificationId, cancellationToken)).ToResult(n => TypedResults.Ok(new MarkedReadResponse(n)));

    public static async Task<IResult> MarkAllRead(Caller caller, MarkNotificationsRead useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, null, cancellationToken)).ToResult(n => TypedResults.Ok(new MarkedReadResponse(n)));

    public static async Task<IResult> Digest(Caller caller, ChangeDigestSetting useCase, CancellationToken cancellationToken)
    {
        var setting = await useCase.ExecuteAsync(caller.Id, null, cancellationToken);
        return TypedResults.Ok(new DigestSettingResponse(setting.IsEnabled, setting.LastSentAt));
    }

    public static async Task<IResult> ChangeDigest(DigestSettingRequest body, Caller caller, ChangeDigestSetting useCase, CancellationToken cancellationToken)
    {
        var setting = await useCase.ExecuteAsync(caller.Id, body.IsEnabled, cancellationToken);
        return TypedResults.Ok(new DigestSettingResponse(setting.IsEnabled, setting.LastSentAt));
    }
}
