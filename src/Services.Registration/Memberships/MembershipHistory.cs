using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Registration.Memberships;

/// <summary>What the auditors' history says of each membership event.</summary>
static class MembershipHistory
{
    public static EventHistory DescribeMemberships(this EventHistory history) => history
        .Describe<MembershipReported>(e => new(
            e.Verified ? $"账号已核验为 {e.CreditCode} 的成员" : $"账号不再是 {e.CreditCode} 的成员",
            e.Verified ? $"Account verified as a member of {e.CreditCode}" : $"Account no longer a member of {e.CreditCode}")
            { Account = e.AccountSubject });
}
