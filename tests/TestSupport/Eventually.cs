namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>Waits for what happens asynchronously (a relayed message, a projection), failing with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The expected state was not reached in time.");
            await Task.Delay(100);
        }
    }
}
