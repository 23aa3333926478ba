using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;

namespace ServiceManufacturing.Services.Review.Packages;

public abstract record PackageCommand(Guid CampaignId, string AuthorityCode);

public sealed record UploadSummaryTableScan(Guid CampaignId, string AuthorityCode, Guid DocumentId, string ContentType, long Length, string Sha256, string By)
    : PackageCommand(CampaignId, AuthorityCode);

/// <summary>Submit the package: <see cref="Entries"/> are the ranked lists as they stand, each with its stamped form's hash.</summary>
public sealed record SubmitPackage(Guid CampaignId, string AuthorityCode, ReviewCampaign Campaign, IReadOnlyList<PackageEntry> Entries, string By)
    : PackageCommand(CampaignId, AuthorityCode);

public sealed record AcknowledgePackage(Guid CampaignId, string AuthorityCode, string By) : PackageCommand(CampaignId, AuthorityCode);

public sealed record ReturnPackage(Guid CampaignId, string AuthorityCode, string? Reason, string By) : PackageCommand(CampaignId, AuthorityCode);

public static class PackageRules
{
    public static readonly Rule Frozen = Rule.Conflict("package-submitted",
        "推荐材料已报送工业和信息化部，名单与汇总表不能再修改。", "The package has been submitted to the ministry; its lists and table no longer change.");
    public static readonly Rule TableScanRequired = Rule.Unprocessable("summary-table-scan-required",
        "报送前须上传盖章的申报汇总表扫描件。", "Upload the stamped summary table's scan before submitting.");
    public static readonly Rule Empty = Rule.Unprocessable("package-empty", "推荐名单为空。", "No application is recommended.");
    public static readonly Rule NotSubmitted = Rule.Conflict("package-not-submitted",
        "该推荐单位尚未报送，或已受理、已退回。", "This authority's package is not awaiting intake (not submitted, or already acknowledged or returned).");
    public static readonly Rule ReasonRequired = Rule.Unprocessable("package-return-reason-required",
        "退回时须说明理由。", "A returned package needs its reason.");
    public static readonly Rule NotFound = Rule.NotFound("package-not-found", "该推荐单位没有推荐材料。", "This authority has no package.");
}

/// <summary>Decides what a package command means, given the package's state and the time.</summary>
public static class PackageDecider
{
    public static object[] Decide(PackageCommand command, RecommendationPackage? state, DateTimeOffset now) => command switch
    {
        UploadSummaryTableScan or SubmitPackage when state?.Frozen == true => throw new RuleViolation(PackageRules.Frozen),
        UploadSummaryTableScan c => [new SummaryTableScanUploaded(c.CampaignId, c.AuthorityCode, c.DocumentId, c.ContentType, c.Length, c.Sha256, c.By, now)],
        SubmitPackage c when c.Campaign.RecommendationsClosed(c.AuthorityCode, now) => throw new RuleViolation(RecommendationRules.DeadlinePassed),
        SubmitPackage when state?.SummaryTableSha256 is null => throw new RuleViolation(PackageRules.TableScanRequired),
        SubmitPackage { Entries.Count: 0 } => throw new RuleViolation(PackageRules.Empty),
        SubmitPackage c => [new PackageSubmitted(c.CampaignId, c.AuthorityCode, c.Entries, state!.SummaryTableSha256!,
            RecommendationPackage.HashOf(c.CampaignId, c.AuthorityCode, c.Entries, state.SummaryTableSha256!), c.By, now)],
        _ when state is null => throw new RuleViolation(PackageRules.NotFound),
        AcknowledgePackage when state.Status != PackageStatus.Submitted => throw new RuleViolation(PackageRules.NotSubmitted),
        AcknowledgePackage c => [new PackageAcknowledged(c.CampaignId, c.AuthorityCode, state.Entries.Select(e => e.ApplicationId).ToList(), c.By, now)],
        ReturnPackage when state.Status != PackageStatus.Submitted => throw new RuleViolation(PackageRules.NotSubmitted),
        ReturnPackage { Reason: null or "" } => throw new RuleViolation(PackageRules.ReasonRequired),
        ReturnPackage c => [new PackageReturned(c.CampaignId, c.AuthorityCode, c.Reason!, c.By, now, state.Entries.Select(e => e.ApplicationId).ToList())],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown package command."),
    };
}
