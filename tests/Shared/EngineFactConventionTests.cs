using System.Linq;
using System.Reflection;
using Xunit;

namespace PSCompose.Testing
{
    /// <summary>
    /// CI counts engine-backed tests by class name (*EngineTests). This keeps that count honest: every
    /// [EngineFact] sits in such a class, and such a class holds only engine-backed tests.
    /// </summary>
    public class EngineFactConventionTests
    {
        [Fact]
        public void EngineFacts_LiveInClassesNamedEngineTests()
        {
            var methods = typeof(EngineFactConventionTests).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
                .ToList();
            foreach (MethodInfo m in methods)
            {
                bool engine = m.GetCustomAttribute<EngineFactAttribute>() != null;
                bool named = m.DeclaringType.Name.EndsWith("EngineTests");
                Assert.True(engine == named, $"{m.DeclaringType.FullName}.{m.Name}: [EngineFact] tests belong in *EngineTests classes, and only they.");
            }
        }
    }
}
