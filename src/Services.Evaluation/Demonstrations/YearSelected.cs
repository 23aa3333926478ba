namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>
/// The year a demonstration of batches 1-4 was selected. The first batch was selected in 2017 and one batch followed
/// another, each in a later year: batch n was not selected before 2016 + n; and no year is after this one. The roster
/// import and the single entry check it alike.
/// </summary>
public static class YearSelected
{
    public static bool Fits(int batch, int year, int thisYear) => year >= 2016 + batch && year <= thisYear;

    /// <summary>Why <paramref name="year"/> does not fit <paramref name="batch"/>; null when it does (or the batch is not 1-4).</summary>
    public static string? Problem(int batch, int year, int thisYear) =>
        batch is < 1 or > 4 || Fits(batch, year, thisYear) ? null
            : $"入选年份须在 {2016 + batch} 年至今年（{thisYear} 年）之间：第 {batch} 批不早于 {2016 + batch} 年。 / " +
              $"The year selected must be between {2016 + batch} and this year ({thisYear}): batch {batch} was not selected before {2016 + batch}.";
}
