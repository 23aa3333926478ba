namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>What each tag (feature) of the services' documents is about; a new tag gets its line here.</summary>
static class OpenApiTags
{
    static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Applications"] = "申报：草稿、保存、提交、撤回 / Applications: draft, save, submit, withdraw.",
        ["Application documents"] = "申报书（Word）与盖章扫描件 / The filled form (DOCX) and the stamped form's scan.",
        ["Campaigns"] = "遴选批次与截止时间 / Selection campaigns (batches) and their deadlines.",
        ["Recommending authorities"] = "37 个推荐单位及其联系人 / The 37 recommending authorities and their contact persons.",
        ["Review cases"] = "推荐单位初审 / The recommending authority's initial review.",
        ["Recommendations"] = "推荐名单（按类别、在名额内排序） / Ranked recommendation lists, per kind and within quota.",
        ["Site visits"] = "现场考查：安排、调整与考查报告 / Site visits: schedule, adjustments and reports.",
        ["Selection"] = "网上公示、异议与最终遴选 / The public notice, objections and the final selection.",
        ["Packages to the ministry"] = "推荐材料报送工业和信息化部 / Packages sent to the ministry.",
        ["Earlier-batch demonstrations"] = "往批示范名单 / Demonstrations of earlier batches.",
        ["Evaluation filings"] = "前四批示范评估材料的填报、报送、受理与无法报送的情况说明 / Earlier demonstrations' evaluation filings, their intake, and explanations for those that cannot file.",
        ["Evaluation outcomes"] = "部里评估结果及其导出 / The ministry's evaluation outcomes and their export.",
        ["Organisations"] = "申报单位账号绑定（营业执照核验）与成员 / Binding accounts to organisations (business-licence check) and their members.",
        ["Operations"] = "运维：无法发布的事件（死信）及其重放 / Operations: events that could not be published (dead letters) and their replay.",
        ["Experts"] = "评审专家库：专家信息与可用日期 / The expert pool: experts' profiles and the days they are available.",
        ["Expert review"] = "专家评审：回避、分配、独立评分、合议与排序 / Expert review: conflicts, assignment, independent scoring, consensus and ranking.",
        ["Audit"] = "审计：各服务的事件历史、历史时点状态、事件哈希链校验与投影重建 / Audit: each service's event history, state as of a past instant, hash-chain verification and projection rebuilds.",
        ["Audit timeline"] = "审计时间线：网关汇总各服务的历史，按申报、推荐单位或用户，可导出 XLSX 与 PDF / The audit timeline: every service's history of an application, an authority or a user, composed at the gateway; also as XLSX and PDF.",
        ["Accounts"] = "账号、注册与密码 / Accounts, registration and passwords.",
    };

    public static string? Describe(string? tag) => tag is not null && Descriptions.TryGetValue(tag, out var d) ? d : null;
}
