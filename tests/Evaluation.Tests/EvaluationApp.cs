using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>Evaluation in process on the real test servers, with a schema of its own per test class.</summary>
public sealed class EvaluationApp() : ServiceFactory<Program>("evaluationdb", "evaluation");
