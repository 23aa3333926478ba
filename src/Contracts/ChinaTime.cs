namespace ServiceManufacturing.Contracts;

/// <summary>
/// The campaign calendar every service decides deadlines with: the notice's dates are China Standard Time (UTC+8), and
/// "by D" means up to the end of day D (<see cref="CampaignDeadlines"/>).
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>
    /// The first instant after day <paramref name="day"/> in China ("by D" means before it), saturating at the ends of the
    /// calendar instead of overflowing, for a date stored before dates were checked.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        if (day >= DateOnly.MaxValue.AddDays(-1)) return DateTimeOffset.MaxValue;
        if (day <= DateOnly.MinValue.AddDays(1)) return DateTimeOffset.MinValue;
        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
    }

    /// <summary>Whether <paramref name="at"/> is past a deadline of day <paramref name="day"/>.</summary>
    public static bool IsPast(DateOnly day, DateTimeOffset at) => at >= EndOfDay(day);

    /// <summary>The Chinese calendar day of <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
