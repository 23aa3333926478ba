using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>The errors a service under test logged, with their exceptions, so that a test can show why it answered 500.</summary>
public sealed class LoggedErrors : ILoggerProvider
{
    readonly ConcurrentQueue<string> errors = new();

    /// <summary>Takes the errors logged since the last call.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (errors.TryDequeue(out var error)) taken.Add(error);
        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    sealed class Logger(LoggedErrors log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || log.errors.Count > 1000) return;
            var frame = exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("ServiceManufacturing")) ?? exception?.StackTrace?.Split('\n').FirstOrDefault();
            log.errors.Enqueue(exception is null ? formatter(state, null)
                : $"{exception.GetType().FullName}: {exception.Message} {frame?.Trim()}" +
                  (exception.InnerException is { } inner ? $" (inner {inner.GetType().Name}: {inner.Message})" : ""));
        }
    }
}
