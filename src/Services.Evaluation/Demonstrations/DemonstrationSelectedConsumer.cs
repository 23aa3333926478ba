using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>
/// Review's selections join the roster (each message once: the consumers' rule; the same selection told twice is one
/// demonstration, named by its natural key), so that a selected city is refused as a new city application too.
/// </summary>
public sealed class DemonstrationSelectedConsumer(IDocumentSession session) : IConsumer<DemonstrationSelected>
{
    public Task Consume(ConsumeContext<DemonstrationSelected> context)
    {
        var m = context.Message;
        var category = m.Category switch
        {
            ApplicationCategory.Enterprise => DemonstrationCategory.Enterprise,
            ApplicationCategory.Platform => DemonstrationCategory.Platform,
            _ => DemonstrationCategory.City,
        };
        var facts = new RosterFacts(m.Batch, category, m.Name, m.CreditCode, m.AuthorityCode, m.Year,
            category == DemonstrationCategory.Enterprise ? m.ServiceMode : m.Class);
        var id = Demonstration.IdFor(m.Batch, m.CreditCode, m.AuthorityCode, m.Name);
        return session.ApplyOnceAsync<Demonstration>(context, id,
            state => DemonstrationDecider.Decide(new NoteSelection(id, facts, m.ApplicationId, m.SelectedAt), state, m.SelectedAt));
    }
}
