using System.Reflection;
using MatchEngine.Engine.Access;
using MatchEngine.Tests.Api;

namespace MatchEngine.Tests.Conventions;

/// <summary>Rules of the house that guard themselves: what each project may reference, immutable domain records, every gRPC method in the access matrix.</summary>
public sealed class HouseRulesTests
{
    private static readonly Assembly Engine = typeof(CallerScope).Assembly;
    private static readonly Assembly Models = typeof(MatchEngine.Models.Registry.ModelRegistry).Assembly;
    private static readonly Assembly Api = typeof(MatchEngine.Api.Hosting.ApiHost).Assembly;

    [Fact]
    public void EngineAndModels_ReferenceNoAspNetCoreOrGrpc()
    {
        foreach (var assembly in new[] { Engine, Models })
        {
            var web = assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Grpc", StringComparison.Ordinal)).ToArray();
            Assert.True(web.Length == 0, $"{assembly.GetName().Name} references {string.Join(", ", web)}");
        }
    }

    [Fact]
    public void DomainRecords_HaveNoPublicSetters()
    {
        var mutable = Engine.GetTypes().Where(t => t.IsPublic && t.Namespace == "MatchEngine.Engine.Domain")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}").ToArray();
        Assert.True(mutable.Length == 0, $"domain types with public setters: {string.Join(", ", mutable)}");
    }

    [Fact]
    public void EveryGrpcService_IsInTheAccessMatrix()
    {
        var served = Api.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType?.GetCustomAttribute<global::Grpc.Core.BindServiceMethodAttribute>() is not null)
            .Select(t => t.BaseType!.DeclaringType!.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null) as Google.Protobuf.Reflection.ServiceDescriptor)
            .SelectMany(d => d!.Methods.Select(m => $"{d.FullName}/{m.Name}")).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(served);
        Assert.Empty(served.Except(AccessMatrixTests.TwoRegions.Methods));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
