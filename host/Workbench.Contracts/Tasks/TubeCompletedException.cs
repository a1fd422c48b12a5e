namespace Workbench.Contracts.Tasks;

/// <summary>A pop found its tube empty after the sending node completed it (<see cref="ITaskContext.Complete"/>):
/// no value will ever come. When the sender completed the tube because it failed, <see cref="SenderError"/> says
/// why, so the receiver can stop with the real cause instead of waiting for a deadlock or a timeout.</summary>
public sealed class TubeCompletedException : Exception
{
    public TubeCompletedException(string tube, int sender, string? senderError)
        : base(senderError is null
            ? $"tube '{tube}' was completed by node {sender} and holds no more values"
            : $"tube '{tube}' was completed by node {sender} with an error: {senderError}")
    {
        Tube = tube;
        Sender = sender;
        SenderError = senderError;
    }

    public string Tube { get; }

    /// <summary>The node that pushes into the tube and completed it.</summary>
    public int Sender { get; }

    /// <summary>The error the sender completed the tube with; null for a normal end of stream.</summary>
    public string? SenderError { get; }
}
