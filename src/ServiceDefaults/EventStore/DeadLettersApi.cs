using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

public static class DeadLetterRules
{
    public static readonly Rule NotFound = Rule.NotFound("dead-letter-not-found",
        "没有该未能发布的事件。", "There is no dead-lettered event with this id.");
    public static readonly Rule AlreadyReplayed = Rule.Conflict("dead-letter-already-replayed",
        "该事件已重新发布。", "This event has already been published again.");
    public static readonly Rule StillUnpublishable = Rule.Conflict("dead-letter-still-unpublishable",
        "该事件仍无法发布，请先修复其消息映射。", "This event still cannot be published; mend its message map first.");
    public static readonly Rule BrokerUnavailable = new("broker-unavailable", StatusCodes.Status503ServiceUnavailable,
        "消息代理暂不可用，请稍后重试。", "The message broker is not available; try again in a moment.");
}

/// <summary>
/// The relay's dead letters, for the platform's operator (the ministry): what could never be published, and a replay
/// once its map is mended. Each service that publishes has them under its own name
/// (<c>/api/v1/operations/{service}/dead-letters</c>, e.g. <c>review</c>), so the gateway routes each to its service.
/// </summary>
public static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var service = app.ServiceProvider.GetRequiredService<IHostEnvironment>().ApplicationName.Replace("Services.", "").ToLowerInvariant();
        var api = app.MapGroup($"/api/v1/operations/{service}/dead-letters").WithTags("Operations");
        api.MapGet("/", List).WithName("ListDeadLetters")
            .WithSummary("未能发布的事件 / Events the relay could never publish")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<DeadLetteredEvent>>().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/{eventId:guid}/replay", Replay).WithName("ReplayDeadLetter")
            .WithSummary("重新发布未能发布的事件 / Publish a dead-lettered event again, once its map is mended")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<DeadLetteredEvent>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        await access.ReadAsync(true, DeadLetterRules.NotFound);
        return TypedResults.Ok(await session.Query<DeadLetteredEvent>()
            .OrderByDescending(d => d.Sequence).Take(1000).ToListAsync(ct));
    }

    static async Task<IResult> Replay(Guid eventId, IDocumentSession session, RelayPublisher publisher, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<DeadLetteredEvent>(eventId, ct) is not { } deadLetter) return Problems.Of(DeadLetterRules.NotFound);
        if (deadLetter.ReplayedAt is not null) return Problems.Of(DeadLetterRules.AlreadyReplayed);
        var @event = await session.Events.LoadAsync(eventId, ct);
        if (@event is null) return Problems.Of(DeadLetterRules.NotFound);
        try
        {
            await publisher.PublishAsync(@event, ct);
        }
        catch (UnpublishableMessage e)
        {
            return Problems.Of(DeadLetterRules.StillUnpublishable, e.InnerException?.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Problems.Of(DeadLetterRules.BrokerUnavailable);
        }
        var replayed = deadLetter with { ReplayedAt = clock.GetUtcNow(), ReplayedBy = access.User.AuditName };
        session.Store(replayed);
        await session.SaveChangesAsync(ct);
        RelayMetrics.Replayed.Add(1, new KeyValuePair<string, object?>("event.type", deadLetter.EventType));
        return TypedResults.Ok(replayed);
    }
}
