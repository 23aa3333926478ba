using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Evaluation.Memberships;

/// <summary>What the auditors' history says of each membership event (Evaluation's copy of Identity's memberships).</summary>
static class MembershipHistory
{
    public static EventHistory DescribeMemberships(this EventHistory history) => history
        .Describe<MembershipReported>(e => new(
            e.Verified ? $"账号 {e.AccountSubject} 经核验为单位 {e.CreditCode} 的成员" : $"账号 {e.AccountSubject} 已不是单位 {e.CreditCode} 的成员",
            e.Verified ? $"Account {e.AccountSubject} verified as a member of {e.CreditCode}" : $"Account {e.AccountSubject} no longer a member of {e.CreditCode}")
            { Account = e.AccountSubject });
}
