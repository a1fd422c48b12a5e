namespace Workbench.Engine.Evaluation;

/// <summary>What an evaluator that spreads work over several places did during a run: each place's share, how
/// many chunks had to be sent again after a place was lost, and the warnings it gave.</summary>
public sealed record EvaluatorReport(IReadOnlyList<SlotShare> Shares, long Redispatches, IReadOnlyList<string> Warnings);

/// <summary>One place's share: <c>local</c> or a peer's name, the points it evaluated, in how many chunks, and
/// the seconds its calls took (network included).</summary>
public sealed record SlotShare(string Name, long Evaluations, long Chunks, double Seconds);

/// <summary>An evaluator that can say where its evaluations went (the peers evaluator).</summary>
public interface IReportingEvaluator
{
    EvaluatorReport Report();

    /// <summary>A short live status for progress lines, such as <c>3/3 peers up</c>.</summary>
    string Status { get; }
}

/// <summary>An evaluator lost every place it could evaluate on (every peer, with on-peer-loss fail). The message
/// names them and why; the run fails with it.</summary>
public sealed class EvaluatorLostException(string message) : Exception(message);
