using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>What the auditors' history says of each organisation event (one stream per credit code).</summary>
static class OrganisationHistory
{
    public static EventHistory DescribeOrganisations(this EventHistory history) => history
        .Describe<OrganisationBindingRequested>(e => new($"{e.HolderName} 申请绑定 {e.OrganisationName}（{e.CreditCode}）",
            $"{e.HolderName} asked to be bound to {e.OrganisationName} ({e.CreditCode})") { Account = e.AccountId.ToString(), Authority = e.AuthorityCode })
        .Describe<OrganisationBindingApproved>(e => new($"核验通过：账号绑定 {e.CreditCode}", $"Binding to {e.CreditCode} approved")
            { Account = e.AccountId.ToString() })
        .Describe<OrganisationBindingRefused>(e => new($"核验不通过：{e.Reason}", $"Binding to {e.CreditCode} refused: {e.Reason}")
            { Account = e.AccountId.ToString() })
        .Describe<OrganisationMemberInvited>(e => new($"{e.InvitedBy} 邀请 {e.HolderName} 加入 {e.CreditCode}", $"{e.InvitedBy} invited {e.HolderName} into {e.CreditCode}")
            { Account = e.AccountId.ToString() })
        .Describe<OrganisationMemberRemoved>(e => new($"成员移出 {e.CreditCode}：{e.Reason}", $"Member removed from {e.CreditCode}: {e.Reason}")
            { Account = e.AccountId.ToString() });
}
