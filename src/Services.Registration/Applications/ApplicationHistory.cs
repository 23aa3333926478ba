using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>What the auditors' history says of each application event (one place; a test fails for an event with none).</summary>
static class ApplicationHistory
{
    public static EventHistory DescribeApplications(this EventHistory history) => history
        .Describe<ApplicationDraftCreated>(e => new($"{e.OrganisationName} 创建申报草稿（{e.Category}）",
            $"{e.OrganisationName} started an application draft ({e.Category})") { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<ApplicationFormSaved>(e => new("保存申报书", "Application form saved") { Applications = [e.ApplicationId] })
        .Describe<ApplicationSubmitted>(e => new($"{e.OrganisationName} 向推荐单位 {e.AuthorityCode} 提交申报（内容哈希 {e.ContentHash}）",
            $"{e.OrganisationName} submitted the application to authority {e.AuthorityCode} (content hash {e.ContentHash})")
            { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<ApplicationWithdrawn>(e => new($"撤回申报：{e.Reason}", $"Application withdrawn: {e.Reason}") { Applications = [e.ApplicationId] })
        .Describe<ReviewStageReported>(e => new($"评审进展：{e.Stage} {e.Reason}", $"Review reported: {e.Stage} {e.Reason}")
            { Applications = [e.ApplicationId] })
        .Describe<StampedFormUploaded>(e => new($"上传盖章申报书（SHA-256 {e.Sha256}）", $"Stamped form uploaded (SHA-256 {e.Sha256})")
            { Applications = [e.ApplicationId] })
        .Describe<CityApplicationSlotTaken>(e => new($"城市申报名额由该申报占用（{e.AuthorityCode}）",
            $"The city's application slot is taken by this application ({e.AuthorityCode})") { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<CityApplicationSlotFreed>(e => new("城市申报名额释放", "The city's application slot is freed") { Applications = [e.ApplicationId] });
}
