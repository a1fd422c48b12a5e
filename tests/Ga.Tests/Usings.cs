global using TestFunctions = Workbench.Conformance.TestObjectives;
