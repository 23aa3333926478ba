using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Audit;

public static class AuditRules
{
    public static readonly Rule UnknownProjection = Rule.NotFound("projection-not-found",
        "本服务没有该投影（只读模型）。", "This service has no projection of that name.");
    public static readonly Rule UnknownRebuild = Rule.NotFound("projection-rebuild-not-found",
        "没有该投影的这次重建（或由另一副本执行）。", "There is no such rebuild of this projection (or another replica runs it).");
    public static readonly Rule TimeRange = Rule.Unprocessable("audit-time-range",
        "时间范围的起点须早于终点。", "The start of the time range must come before its end.");
    public static readonly Rule AsOfEitherTimeOrVersion = Rule.Unprocessable("as-of-time-or-version",
        "请给出时间点或事件版本号之一（不能同时给出）。", "Give either an instant or an event version, not both.");
    public static readonly Rule NothingAsOf = Rule.NotFound("nothing-as-of",
        "该时间点或版本时尚不存在。", "It did not exist yet at that instant or version.");
    public static readonly Rule VersionNotReached = Rule.NotFound("as-of-version-not-reached",
        "事件流尚未到达该版本：没有那一时点的状态。", "Its stream has not reached that version yet: there is no state as of it.");
}
