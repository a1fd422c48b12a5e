using Workbench.Contracts;

// The attribute but no factory: the host must say there is nothing to load.
[assembly: WorkbenchPlugin("empty", WorkbenchContract.Version)]

namespace EmptyPlugin;

public static class Nothing
{
    public const int Value = 0;
}
