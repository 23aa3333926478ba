namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>A campaign's public notice (公示): its period and the candidates on it, part of the campaign's calendar.</summary>
/// <param name="Starts">公示开始日期（北京时间当日零时起） / The first day (from the start of that day, China Standard Time).</param>
/// <param name="Ends">公示截止日期（北京时间当日结束） / The last day (to the end of that day, China Standard Time).</param>
/// <param name="ApplicationIds">公示的候选申报 / The applications on the notice.</param>
/// <param name="PublishedAt">发布时间 / When it was published.</param>
public sealed record PublicNotice(DateOnly Starts, DateOnly Ends, IReadOnlyList<Guid> ApplicationIds, DateTimeOffset PublishedAt);
