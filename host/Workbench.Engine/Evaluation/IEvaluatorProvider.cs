using Workbench.Engine.Running;

namespace Workbench.Engine.Evaluation;

/// <summary>Chooses and creates the evaluator for a run (CPU here; the GPU and peer layers wrap this).</summary>
public interface IEvaluatorProvider
{
    /// <summary>Creates an evaluator over the guarded problem, or throws <see cref="RunSetupException"/> when the
    /// settings cannot be met (for example <c>--device gpu</c> without a GPU).</summary>
    IEvaluator Create(ProblemGuard problem, EvaluationSettings settings);
}

/// <summary>Serial for one worker, multicore otherwise. Refuses a GPU: this provider has none.</summary>
public sealed class CpuEvaluatorProvider : IEvaluatorProvider
{
    public IEvaluator Create(ProblemGuard problem, EvaluationSettings settings)
    {
        if (settings.Workers < 1)
        {
            throw new RunSetupException("workers", $"workers must be at least 1, got {settings.Workers}");
        }

        if (settings.Device == DeviceChoice.Gpu)
        {
            throw new RunSetupException("device", "device gpu: no GPU support is available in this host; use device cpu or auto");
        }

        return settings.Workers == 1 ? new SerialEvaluator(problem) : new MulticoreEvaluator(problem, settings.Workers);
    }
}
