using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Parallel-task runs: a <c>tasks</c> collection beside <c>runs</c>, so optimisation-run queries never see
/// them. A task is short, so it is written twice: <c>running</c> when it starts, its outcome when it ends.</summary>
public sealed partial class RunStore : ITaskArchive
{
    /// <summary>Inserts a task run as it starts (status running); a process that dies leaves it to be read as interrupted.</summary>
    public void RecordTaskStarted(TaskRunRecord task)
    {
        var db = Writable();
        BeginRecording(task.Id);
        try
        {
            db.GetCollection(Collections.Tasks).Insert(TaskDocuments.ToDocument(task));
        }
        catch (Exception ex)
        {
            EndRecording(task.Id);
            throw Translate(ex, Path);
        }
    }

    /// <summary>Writes a started task run's outcome (completed, failed or interrupted), its result and node statistics.</summary>
    public void RecordTaskFinished(TaskRunRecord task)
    {
        var tasks = Writable().GetCollection(Collections.Tasks);
        var settled = false;
        try
        {
            var doc = tasks.FindById(task.Id) ?? throw new RunIdException($"no task run with id {task.Id} in {Path}", []);
            TaskDocuments.SetOutcome(doc, task);
            tasks.Update(doc);
            settled = true;
        }
        catch (Exception ex) when (ex is not RunIdException)
        {
            throw Translate(ex, Path);
        }
        finally
        {
            EndRecording(task.Id, settled);
        }
    }

    /// <summary>Writes a task run as it is (repair).</summary>
    internal void ImportTask(TaskRunRecord task) => Writable().GetCollection(Collections.Tasks).Upsert(TaskDocuments.ToDocument(task));

    public IReadOnlyList<TaskRunRecord> ListTasks(TaskRunQuery query) => ListTasksChecked(query).Items;

    /// <summary>The task runs a query finds, with those whose document fails its checks set apart, as
    /// <see cref="ListChecked"/> does for runs: one damaged task run must not hide the others.</summary>
    public CheckedListing<TaskRunRecord> ListTasksChecked(TaskRunQuery query)
    {
        if (_db is null)
        {
            return new CheckedListing<TaskRunRecord>([], []);
        }

        return Guard(() =>
        {
            // A schema-1 file has no tasks collection; a read-only store must not create one, and need not.
            if (!_db.CollectionExists(Collections.Tasks))
            {
                return new CheckedListing<TaskRunRecord>([], []);
            }

            var tasks = _db.GetCollection(Collections.Tasks);
            var damaged = new List<DamagedRun>();
            var records = DocumentListing.Read(tasks, () =>
                {
                    var q = tasks.Query();
                    if (query.TaskId is { } taskId)
                    {
                        q = q.Where(Query.EQ("$.task", taskId));
                    }

                    if (query.Since is { } since)
                    {
                        q = q.Where(Query.GTE("$.started", since.UtcTicks));
                    }

                    return q.OrderByDescending("$.started");
                },
                d => Normalise(Integrity.ReadTask(d)),
                t => (query.TaskId is null || t.TaskId == query.TaskId) && (query.Since is null || t.StartedAt >= query.Since),
                "task run", damaged);
            IEnumerable<TaskRunRecord> wanted = records.OrderByDescending(t => t.StartedAt);
            if (query.Status is { } status)
            {
                wanted = wanted.Where(r => r.Status == status);
            }

            return new CheckedListing<TaskRunRecord>((query.Limit is int limit ? wanted.Take(limit) : wanted).ToList(), damaged);
        });
    }

    /// <exception cref="RunDamagedException">the task run's document is damaged (one line, naming it).</exception>
    public TaskRunRecord GetTask(string idOrPrefix)
    {
        var id = ResolveIn(Collections.Tasks, "task run", idOrPrefix);
        return Guard(() => Damaged(() => Normalise(Integrity.ReadTask(
            _db!.GetCollection(Collections.Tasks).FindById(id) ?? throw new RunIdException($"no task run with id {id} in {Path}", [])))));
    }

    private TaskRunRecord Normalise(TaskRunRecord task)
    {
        if (task.Status != RunStatus.Running)
        {
            return task;
        }

        lock (_recording)
        {
            return _recording.Contains(task.Id) ? task : task with
            {
                Status = RunStatus.Interrupted,
                Error = task.Error ?? OrphanMessage(task.OwnerPid, task.OwnerHost, "task"),
            };
        }
    }
}
