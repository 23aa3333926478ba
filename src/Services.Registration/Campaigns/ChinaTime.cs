using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>The notice's dates are China Standard Time (UTC+8); "by D" means up to the end of day D.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The first instant after day <paramref name="day"/> in China (never overflowing, see <see cref="PlausibleDate.EndOfDay"/>).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => PlausibleDate.EndOfDay(day, Offset);

    /// <summary>The Chinese calendar day of <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
