namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// The dates the platform accepts anywhere: from the founding of the People's Republic (1949-10-01) to 2100-12-31.
/// Every date field is checked against it when it is saved, so that no stored date can make later arithmetic
/// (the day after a deadline, "2 full years") overflow; the deadline calendar (Contracts' ChinaTime) cannot overflow either way.
/// </summary>
public static class PlausibleDate
{
    public static readonly DateOnly Earliest = new(1949, 10, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public const string Message = "日期须在 1949-10-01 至 2100-12-31 之间。 / A date must be between 1949-10-01 and 2100-12-31.";
    public const string YearMessage = "年份须在 1949 至 2100 之间。 / A year must be between 1949 and 2100.";

    public static bool Holds(DateOnly day) => day >= Earliest && day <= Latest;

    public static bool HoldsYear(int year) => year >= Earliest.Year && year <= Latest.Year;

    /// <summary>Adds a validation error for <paramref name="field"/> when <paramref name="day"/> is given and out of range.</summary>
    public static void Check(IDictionary<string, string[]> errors, string field, DateOnly? day)
    {
        if (day is { } d && !Holds(d)) errors[field] = [Message];
    }

    /// <summary>Adds a validation error for <paramref name="field"/> when <paramref name="year"/> is given and out of range.</summary>
    public static void CheckYear(IDictionary<string, string[]> errors, string field, int? year)
    {
        if (year is { } y && !HoldsYear(y)) errors[field] = [YearMessage];
    }
}
