namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>
/// What the parameters every service shares mean, by name: the OpenAPI conventions give each parameter that its endpoint
/// does not describe itself (<see cref="EndpointContract.WithParameterDescription"/>) this description.
/// </summary>
public static class ParameterDescriptions
{
    static readonly Dictionary<string, string> Common = new()
    {
        ["applicationId"] = "申报的编号 / The application's id.",
        ["campaignId"] = "批次的编号（如第五批） / The campaign's id (the fifth batch, say).",
        ["demonstrationId"] = "示范（已获称号的企业、平台或项目）的编号 / The demonstration's id (an awarded enterprise, platform or project).",
        ["authorityCode"] = "推荐单位（省级工业和信息化主管部门等）的 GB/T 2260 代码，如 130000 / The recommending authority's GB/T 2260 code, e.g. 130000.",
        ["accountId"] = "账户的编号 / The account's id.",
        ["bindingId"] = "组织绑定申请的编号 / The organisation binding's id.",
        ["creditCode"] = "统一社会信用代码（18 位） / The organisation's unified social credit code (18 characters).",
        ["importId"] = "名单导入的编号 / The roster import's id.",
        ["objectionId"] = "异议的编号 / The objection's id.",
        ["documentId"] = "证明材料的编号 / The supporting document's id.",
        ["expertSubject"] = "评审专家的用户标识（令牌的 sub） / The expert's user id (the token's sub).",
        ["subject"] = "用户标识（令牌的 sub） / The user's id (the token's sub).",
        ["eventId"] = "事件的编号 / The event's id.",
        ["streamId"] = "只核验这一事件流（省略则全部） / Only this event stream (all of them when left out).",
        ["projection"] = "要重建的投影（读模型）名称 / The projection (read model) to rebuild.",
        ["eventType"] = "只列出此类事件（事件类型名，如 application_submitted） / Only events of this type (its name, e.g. application_submitted).",
        ["actor"] = "只列出此用户所做的（令牌的 sub） / Only what this user did (the token's sub).",
        ["from"] = "起始时间（含，ISO 8601） / From this time on (inclusive, ISO 8601).",
        ["to"] = "截止时间（不含，ISO 8601） / Up to this time (exclusive, ISO 8601).",
        ["at"] = "查看此时刻的样子（ISO 8601；省略则为现在） / As it stood at this time (ISO 8601; now when left out).",
        ["version"] = "查看此版本的样子（事件流版本，即 ETag） / As it stood at this version (the stream version, as in the ETag).",
        ["page"] = "页码，从 1 开始 / The page, from 1.",
        ["pageSize"] = "每页条数 / How many items a page holds.",
        ["sort"] = "排序方式 / The order of the list.",
        ["status"] = "只列出此状态的 / Only those in this status.",
        ["category"] = "申报类别（示范企业、示范平台、示范项目） / The category (demonstration enterprise, platform or project).",
        ["class"] = "只列出此分类的 / Only those of this class.",
        ["serviceMode"] = "只列出此服务型制造模式的 / Only those of this service-oriented manufacturing mode.",
        ["warning"] = "只列出带此提示的 / Only those with this warning.",
        ["kind"] = "名单或对象的种类 / Which kind of list or subject.",
        ["role"] = "只列出此角色的账户 / Only accounts of this role.",
        ["batch"] = "批次序号（如 5 即第五批） / The batch number (5 for the fifth batch).",
        ["document"] = "要下载的文件 / Which document to download.",
        ["expires"] = "签名链接的失效时间（Unix 秒，由评审服务签发） / When the signed link expires (Unix seconds, as Review signed it).",
        ["signature"] = "签名链接的签名（由评审服务签发） / The signed link's signature (as Review signed it).",
        ["rebuildId"] = "投影重建的编号（由 202 答复的 Location 给出） / The rebuild's id (from the Location of its 202 answer).",
        ["withdrawn"] = "为 true 时也列出因误录而撤回的示范 / When true, also list the demonstrations withdrawn as entered in error.",
        ["awaitingIntake"] = "为 true 时只列出已提交、待工业和信息化部接收或退回的评价材料（跨全部推荐单位） / When true, only filings submitted and awaiting the ministry's acknowledgement or return, across all authorities.",
        ["key"] = "时间线的对象：申报编号、推荐单位代码或用户标识 / What the timeline is about: an application id, an authority code or a user id.",
    };

    /// <summary>What the shared parameter <paramref name="name"/> means; null when it is not one of them.</summary>
    public static string? Of(string name) => Common.GetValueOrDefault(name);
}
