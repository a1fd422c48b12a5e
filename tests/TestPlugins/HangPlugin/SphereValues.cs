namespace HangPlugin;

/// <summary>The sphere both test problems compute until they misbehave.</summary>
internal static class SphereValues
{
    public static void Evaluate(ReadOnlySpan<double> points, Span<double> fitness, int dimension)
    {
        for (var i = 0; i < fitness.Length; i++)
        {
            var sum = 0.0;
            foreach (var x in points.Slice(i * dimension, dimension))
            {
                sum += x * x;
            }

            fitness[i] = sum;
        }
    }
}
