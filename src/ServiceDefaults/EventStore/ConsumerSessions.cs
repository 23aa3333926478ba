using Marten;
using MassTransit;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>A consumer's events continue the story of the message it handles.</summary>
public static class ConsumerSessions
{
    /// <summary>Causation is the message (whose id is the published event's id); the acting user travels on.</summary>
    public static IDocumentSession ContinueFrom(this IDocumentSession session, ConsumeContext context)
    {
        session.CausationId = context.MessageId?.ToString();
        session.LastModifiedBy = context.Headers.Get<string>(MessageHeaders.ActingUser);
        return session;
    }
}
