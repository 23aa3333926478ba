namespace ServiceManufacturing.Services.Identity.Organisations;

public enum BindingStatus { Pending, Approved, Refused }

/// <summary>One account's request to be bound to the organisation, and where it stands.</summary>
public sealed record Binding(Guid BindingId, Guid AccountId, BindingStatus Status);

/// <summary>
/// What the decider needs to know of an organisation: its bindings and its verified members, in the order they were
/// verified (the first is the administrator, who invites). Built from its stream, never mutated.
/// </summary>
public sealed record Organisation(Guid Id, string CreditCode, string? AuthorityCode, IReadOnlyList<Binding> Bindings, IReadOnlyList<Guid> Members)
{
    /// <summary>The one stream of the organisation with <paramref name="creditCode"/>.</summary>
    public static Guid IdFor(string creditCode) => ServiceDefaults.EventStore.StreamIds.For("organisation", creditCode);

    public static Organisation Create(OrganisationBindingRequested e) =>
        new(IdFor(e.CreditCode), e.CreditCode, e.AuthorityCode, [new Binding(e.BindingId, e.AccountId, BindingStatus.Pending)], []);

    public Organisation Apply(OrganisationBindingRequested e) =>
        this with { Bindings = [.. Bindings, new Binding(e.BindingId, e.AccountId, BindingStatus.Pending)] };

    public Organisation Apply(OrganisationBindingApproved e) =>
        this with { Bindings = Decided(e.BindingId, BindingStatus.Approved), Members = [.. Members.Where(m => m != e.AccountId), e.AccountId] };

    public Organisation Apply(OrganisationBindingRefused e) => this with { Bindings = Decided(e.BindingId, BindingStatus.Refused) };

    public Organisation Apply(OrganisationMemberInvited e) => this with { Members = [.. Members.Where(m => m != e.AccountId), e.AccountId] };

    public Organisation Apply(OrganisationMemberRemoved e) => this with { Members = [.. Members.Where(m => m != e.AccountId)] };

    /// <summary>The longest-standing verified member: it invites colleagues and may remove members.</summary>
    public Guid? Administrator => Members.Count > 0 ? Members[0] : null;

    public bool IsMember(Guid accountId) => Members.Contains(accountId);

    public Binding? Find(Guid bindingId) => Bindings.FirstOrDefault(b => b.BindingId == bindingId);

    IReadOnlyList<Binding> Decided(Guid bindingId, BindingStatus status) =>
        [.. Bindings.Select(b => b.BindingId == bindingId ? b with { Status = status } : b)];
}
