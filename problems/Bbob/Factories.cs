using Workbench.Problems.Bbob.Functions;

namespace Workbench.Problems.Bbob;

// One public factory per function, as the plugin catalog discovers factories by type.

public sealed class F01SphereFactory() : BbobFactory(1, "sphere", "the squared distance to the optimum.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Sphere(n, seed, fopt);
}

public sealed class F02SeparableEllipsoidFactory() : BbobFactory(2, "separable ellipsoid", "condition 10^6, separable, with oscillations.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new SeparableEllipsoid(n, seed, fopt);
}

public sealed class F03SeparableRastriginFactory() : BbobFactory(3, "separable Rastrigin", "about 10^n regular local minima.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new SeparableRastrigin(n, seed, fopt);
}

public sealed class F04BuecheRastriginFactory() : BbobFactory(4, "Bueche-Rastrigin", "an asymmetric Rastrigin.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new BuecheRastrigin(n, seed, fopt);
}

public sealed class F05LinearSlopeFactory() : BbobFactory(5, "linear slope", "a plane whose optimum is a corner of the domain.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new LinearSlope(n, seed, fopt);
}

public sealed class F06AttractiveSectorFactory() : BbobFactory(6, "attractive sector", "one orthant far steeper than the rest.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new AttractiveSector(n, seed, fopt);
}

public sealed class F07StepEllipsoidFactory() : BbobFactory(7, "step ellipsoid", "plateaus on a rotated ellipsoid.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new StepEllipsoid(n, seed, fopt);
}

public sealed class F08RosenbrockFactory() : BbobFactory(8, "Rosenbrock", "the banana valley, shifted.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new ShiftedRosenbrock(n, seed, fopt);
}

public sealed class F09RotatedRosenbrockFactory() : BbobFactory(9, "rotated Rosenbrock", "the banana valley, rotated.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new RotatedRosenbrock(n, seed, fopt);
}

public sealed class F10EllipsoidFactory() : BbobFactory(10, "ellipsoid", "rotated, condition 10^6.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new RotatedEllipsoid(n, seed, fopt);
}

public sealed class F11DiscusFactory() : BbobFactory(11, "discus", "one direction 10^6 times more sensitive.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Discus(n, seed, fopt);
}

public sealed class F12BentCigarFactory() : BbobFactory(12, "bent cigar", "a narrow ridge, condition 10^6.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new BentCigar(n, seed, fopt);
}

public sealed class F13SharpRidgeFactory() : BbobFactory(13, "sharp ridge", "a non-smooth ridge.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new SharpRidge(n, seed, fopt);
}

public sealed class F14DifferentPowersFactory() : BbobFactory(14, "different powers", "sensitivities that differ by coordinate.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new DifferentPowers(n, seed, fopt);
}

public sealed class F15RastriginFactory() : BbobFactory(15, "Rastrigin", "rotated and asymmetric, many local minima.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new RotatedRastrigin(n, seed, fopt);
}

public sealed class F16WeierstrassFactory() : BbobFactory(16, "Weierstrass", "rugged and repetitive.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Weierstrass(n, seed, fopt);
}

public sealed class F17SchaffersF7Factory() : BbobFactory(17, "Schaffers F7", "condition 10, highly multimodal.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Schaffers(n, seed, fopt, 10.0);
}

public sealed class F18SchaffersF7ConditionedFactory() : BbobFactory(18, "Schaffers F7, ill-conditioned", "condition 1000, highly multimodal.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Schaffers(n, seed, fopt, 1000.0);
}

public sealed class F19GriewankRosenbrockFactory() : BbobFactory(19, "composite Griewank-Rosenbrock F8F2", "Rosenbrock averaged through Griewank.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new GriewankRosenbrock(n, seed, fopt);
}

public sealed class F20SchwefelFactory() : BbobFactory(20, "Schwefel x sin(sqrt(|x|))", "the best local minima far from each other.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new SchwefelSine(n, seed, fopt);
}

public sealed class F21Gallagher101Factory() : BbobFactory(21, "Gallagher 101 peaks", "101 random Gaussian peaks.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Gallagher(n, seed, fopt, 101);
}

public sealed class F22Gallagher21Factory() : BbobFactory(22, "Gallagher 21 peaks", "21 random, more ill-conditioned peaks.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Gallagher(n, seed, fopt, 21);
}

public sealed class F23KatsuuraFactory() : BbobFactory(23, "Katsuura", "a fractal, rugged everywhere.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new Katsuura(n, seed, fopt);
}

public sealed class F24LunacekBiRastriginFactory() : BbobFactory(24, "Lunacek bi-Rastrigin", "two funnels with Rastrigin ripples.")
{
    private protected override BbobFunction Build(int n, long seed, double fopt) => new LunacekBiRastrigin(n, seed, fopt);
}
