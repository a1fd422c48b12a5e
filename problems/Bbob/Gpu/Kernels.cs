using ILGPU;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Bbob.Gpu;

// The GPU twins of f1, f5 and f8, term by term in the CPU's order. Public: ILGPU's CPU accelerator calls them
// from a generated assembly.

/// <summary>f1 on the GPU; constants: fopt, then xopt.</summary>
public readonly struct SphereGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var sum = 0.0;
        for (var i = 0; i < point.IntLength; i++)
        {
            var z = point[i] - constants[1 + i];
            sum += z * z;
        }

        return sum + constants[0];
    }
}

/// <summary>f5 on the GPU; constants: fopt, then xopt, then the slopes.</summary>
public readonly struct LinearSlopeGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var n = point.IntLength;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var xopt = constants[1 + i];
            var s = constants[1 + n + i];
            sum += point[i] * xopt < 25.0 ? 5.0 * Math.Abs(s) - s * point[i] : 5.0 * Math.Abs(s) - s * xopt;
        }

        return sum + constants[0];
    }
}

/// <summary>f8 on the GPU; constants: fopt, the scale, then xopt. z is recomputed per term instead of stored:
/// a kernel thread has no scratch vector.</summary>
public readonly struct RosenbrockGpu : IGpuObjective
{
    public double Evaluate(ArrayView<double> point, ArrayView<double> constants)
    {
        var n = point.IntLength;
        var scale = constants[1];
        double s1 = 0.0, s2 = 0.0;
        var z = scale * (point[0] - constants[2]) - -1.0;
        for (var i = 0; i < n - 1; i++)
        {
            var next = scale * (point[i + 1] - constants[3 + i]) - -1.0;
            var a = z * z - next;
            s1 += a * a;
            var b = z - 1.0;
            s2 += b * b;
            z = next;
        }

        return 100.0 * s1 + s2 + constants[0];
    }
}
