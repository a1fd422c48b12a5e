namespace NeedyLibrary;

public static class Greeting
{
    public static string Text => "from NeedyLibrary";
}
