using Marten;
using Microsoft.AspNetCore.Http;

namespace ServiceManufacturing.ServiceDefaults.Identity;

/// <summary>A request was refused: the user lacked the role, or the resource is not theirs.</summary>
public sealed record AccessDenied(string Subject, string Role, string Method, string Path, string Reason, DateTimeOffset At);

/// <summary>An auditor read something; every audit read is on record.</summary>
public sealed record AuditorRead(string Subject, string Method, string Path, DateTimeOffset At);

/// <summary>What the access log records; each record is a stream of its own, so concurrent requests never collide.</summary>
public sealed record AccessRecord(Guid Id);

/// <summary>
/// Records denials and audit reads as events in the service's own store. Auditors find a user's records by
/// querying the events by subject.
/// </summary>
public static class AccessLog
{
    public static async Task DeniedAsync(IDocumentSession session, CurrentUser user, HttpContext context, string reason, TimeProvider clock)
    {
        session.Events.StartStream<AccessRecord>(Guid.CreateVersion7(), new AccessDenied(user.Subject, user.Role, context.Request.Method,
            context.Request.Path, reason, clock.GetUtcNow()));
        await session.SaveChangesAsync(context.RequestAborted);
    }

    /// <summary>Records the read when the user is an auditor.</summary>
    public static async Task ReadAsync(IDocumentSession session, CurrentUser user, HttpContext context, TimeProvider clock)
    {
        if (!user.Is(PlatformRoles.Auditor)) return;
        session.Events.StartStream<AccessRecord>(Guid.CreateVersion7(), new AuditorRead(user.Subject, context.Request.Method, context.Request.Path, clock.GetUtcNow()));
        await session.SaveChangesAsync(context.RequestAborted);
    }
}

/// <summary>
/// Someone (an auditor, the ministry) read the audit trail: a history, a state as of a past instant, an export or a
/// verification of the hash chain. Every such read is on record, whoever reads.
/// </summary>
public sealed record AuditTrailRead(string Subject, string Role, string What, string Path, Guid? Application, DateTimeOffset At);
