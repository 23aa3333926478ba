using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Registration.AuthorityContacts;

/// <summary>What the auditors' history says of each contact-person event.</summary>
static class AuthorityContactHistory
{
    public static EventHistory DescribeAuthorityContacts(this EventHistory history) => history
        .Describe<ContactPersonReported>(e => new($"{e.AuthorityCode} 报送联系人：{e.Name}", $"{e.AuthorityCode} reported its contact person: {e.Name}")
            { Authority = e.AuthorityCode });
}
