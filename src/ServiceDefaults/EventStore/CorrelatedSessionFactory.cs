using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>
/// Opens sessions whose events carry the trace they were written in: the correlation id is the trace id
/// (one id from the gateway to the last consumer), the causation id the HTTP request that caused them,
/// the acting user the signed-in user, and the W3C traceparent travels as a header so the relay can continue
/// the same trace. A consumer continues from the message it handles (<see cref="ConsumerSessions"/>).
/// </summary>
sealed class CorrelatedSessionFactory(IDocumentStore store, IHttpContextAccessor http) : ISessionFactory
{
    internal const string TraceParentHeader = "traceparent";
    internal const string ActorAuthorityHeader = "actor-authority";

    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        if (Activity.Current is { } activity)
        {
            session.CorrelationId = activity.TraceId.ToHexString();
            session.SetHeader(TraceParentHeader, activity.Id!);
        }
        if (http.HttpContext is { } context)
        {
            session.CausationId = context.TraceIdentifier;
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var user = CurrentUser.From(context.User);
                session.LastModifiedBy = user.AuditName;
                // The auditors' history of an authority is everything its officers did.
                if (user.AuthorityCode is { } authority) session.SetHeader(ActorAuthorityHeader, authority);
            }
        }
        return session;
    }
}
