using System.Globalization;

namespace ServiceManufacturing.Services.Review;

/// <summary>
/// Development only: Review's clock moved by <c>Clock:Offset</c> (a time span), read from the JSON file named by
/// <c>Clock:File</c> whenever the file changes, so that an end-to-end test lets a public notice period pass without
/// waiting for it (the rules keep their real dates). Without <c>Clock:File</c>, or in any other environment, Review
/// keeps the system clock.
/// </summary>
sealed class DevelopmentClock(IConfiguration configuration) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow()
        + (TimeSpan.TryParse(configuration["Clock:Offset"], CultureInfo.InvariantCulture, out var offset) ? offset : TimeSpan.Zero);

    public static void AddWhenAsked(IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || builder.Configuration["Clock:File"] is not { Length: > 0 } file) return;
        builder.Configuration.AddJsonFile(file, optional: true, reloadOnChange: true);
        builder.Services.AddSingleton<TimeProvider>(new DevelopmentClock(builder.Configuration));
    }
}
