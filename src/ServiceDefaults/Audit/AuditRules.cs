using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Audit;

public static class AuditRules
{
    public static readonly Rule UnknownProjection = Rule.NotFound("projection-not-found",
        "本服务没有该投影（只读模型）。", "This service has no projection of that name.");
    public static readonly Rule TimeRange = Rule.Unprocessable("audit-time-range",
        "时间范围的起点须早于终点。", "The start of the time range must come before its end.");
    public static readonly Rule AsOfEitherTimeOrVersion = Rule.Unprocessable("as-of-time-or-version",
        "请给出时间点或事件版本号之一（不能同时给出）。", "Give either an instant or an event version, not both.");
    public static readonly Rule NothingAsOf = Rule.NotFound("nothing-as-of",
        "该时间点或版本时尚不存在。", "It did not exist yet at that instant or version.");
}
