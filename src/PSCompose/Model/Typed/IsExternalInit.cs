namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.0 compile C# 9 init-only properties (the type ships only with .NET 5 and later).</summary>
    internal static class IsExternalInit
    {
    }
}
