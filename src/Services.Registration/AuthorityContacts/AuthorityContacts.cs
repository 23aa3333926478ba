using System.Text.RegularExpressions;
using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration.Campaigns;

namespace ServiceManufacturing.Services.Registration.AuthorityContacts;

/// <summary>An authority reported its contact person for a campaign, or updated it.</summary>
public sealed record ContactPersonReported(
    Guid CampaignId, string AuthorityCode, string Name, string Title, string Phone, string? Fax, string Email, string ReportedBy, DateTimeOffset ReportedAt);

public sealed record ReportContactPerson(
    Campaign Campaign, string AuthorityCode, string Name, string Title, string Phone, string? Fax, string Email, string ReportedBy);

/// <summary>One authority's contact for one campaign; its stream id is named by both.</summary>
/// <param name="Id">编号 / Its id.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="Name">姓名 / Name.</param>
/// <param name="Title">职务 / Position.</param>
/// <param name="Phone">电话 / Telephone.</param>
/// <param name="Fax">传真 / Fax.</param>
/// <param name="Email">电子邮箱 / E-mail.</param>
/// <param name="ReportedAt">报送时间 / When it was reported.</param>
public sealed record AuthorityContact(
    Guid Id, Guid CampaignId, string AuthorityCode, string Name, string Title, string Phone, string? Fax, string Email, DateTimeOffset ReportedAt)
{
    public static Guid StreamId(Guid campaignId, string authorityCode) => StreamIds.For("authority-contact", campaignId.ToString(), authorityCode);
}

public sealed class AuthorityContactProjection : SingleStreamProjection<AuthorityContact, Guid>
{
    public static AuthorityContact Create(IEvent<ContactPersonReported> e) => Apply(e, null);

    public static AuthorityContact Apply(IEvent<ContactPersonReported> e, AuthorityContact? _) => new(e.StreamId, e.Data.CampaignId,
        e.Data.AuthorityCode, e.Data.Name, e.Data.Title, e.Data.Phone, e.Data.Fax, e.Data.Email, e.Data.ReportedAt);
}

public static partial class ContactRules
{
    public static readonly Rule DeadlinePassed = Rule.Unprocessable("contact-deadline-passed",
        "已过联系人报送截止时间（北京时间当日 24 时），且未获批准延期。",
        "The deadline for reporting the contact person has passed (end of day, China Standard Time) and no exception was granted.");

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,19}$")]
    public static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex EmailPattern();
}

/// <summary>
/// The first report must come by the campaign's contact deadline (or the authority's exception); once reported,
/// the authority keeps its contact current at any time.
/// </summary>
public static class ContactDecider
{
    public static object[] Decide(ReportContactPerson c, AuthorityContact? state, DateTimeOffset now) =>
        state is null && c.Campaign.IsPast(c.AuthorityCode, DeadlineKind.ContactPersons, now)
            ? throw new RuleViolation(ContactRules.DeadlinePassed)
            : [new ContactPersonReported(c.Campaign.Id, c.AuthorityCode, c.Name, c.Title, c.Phone, c.Fax, c.Email, c.ReportedBy, now)];
}
