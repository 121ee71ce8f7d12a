using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MatchEngine.Tests.Conventions;

/// <summary>Every type each type of a compiled assembly uses, read from its IL: base type and interfaces, generic
/// constraints, fields, method, property and event signatures, locals, the types, methods and fields the method bodies
/// name, and attribute types. Nested types (lambdas' closures, async state machines) count toward their outermost
/// declaring type.</summary>
internal sealed class TypeUses
{
    private readonly MetadataReader _reader;
    private readonly TypeUseProvider _provider;

    private TypeUses(MetadataReader reader)
    {
        _reader = reader;
        _provider = new TypeUseProvider(reader);
    }

    /// <summary>Each type of the assembly at <paramref name="path"/> (by its outermost declaring type) with the types it uses.</summary>
    public static IReadOnlyList<(TypeUse Type, IReadOnlySet<TypeUse> Uses)> Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var uses = new TypeUses(reader);
        var byType = new Dictionary<TypeUse, HashSet<TypeUse>>();
        foreach (var handle in reader.TypeDefinitions)
        {
            // A nested type's uses join its outermost declaring type's.
            var type = uses._provider.Of(Outermost(reader, handle));
            if (!byType.TryGetValue(type, out var set)) byType[type] = set = [];
            set.UnionWith(uses.Of(pe, reader.GetTypeDefinition(handle)));
        }
        return byType.Select(kv => (kv.Key, (IReadOnlySet<TypeUse>)kv.Value)).ToArray();
    }

    private static TypeDefinitionHandle Outermost(MetadataReader reader, TypeDefinitionHandle handle)
    {
        while (reader.GetTypeDefinition(handle).GetDeclaringType() is { IsNil: false } declaring) handle = declaring;
        return handle;
    }

    private IEnumerable<TypeUse> Of(PEReader pe, TypeDefinition type)
    {
        var found = new List<TypeUse>();
        if (!type.BaseType.IsNil) found.AddRange(OfToken(type.BaseType));
        foreach (var i in type.GetInterfaceImplementations()) found.AddRange(OfToken(_reader.GetInterfaceImplementation(i).Interface));
        found.AddRange(OfAttributes(type.GetCustomAttributes()));
        found.AddRange(OfGenericParameters(type.GetGenericParameters()));
        foreach (var f in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(f);
            found.AddRange(field.DecodeSignature(_provider, null));
            found.AddRange(OfAttributes(field.GetCustomAttributes()));
        }
        foreach (var p in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(p);
            var signature = property.DecodeSignature(_provider, null);
            found.AddRange(signature.ReturnType);
            found.AddRange(signature.ParameterTypes.SelectMany(t => t));
            found.AddRange(OfAttributes(property.GetCustomAttributes()));
        }
        foreach (var e in type.GetEvents()) found.AddRange(OfToken(_reader.GetEventDefinition(e).Type));
        foreach (var m in type.GetMethods()) found.AddRange(OfMethod(pe, _reader.GetMethodDefinition(m)));
        return found;
    }

    private IEnumerable<TypeUse> OfMethod(PEReader pe, MethodDefinition method)
    {
        var signature = method.DecodeSignature(_provider, null);
        foreach (var t in signature.ReturnType) yield return t;
        foreach (var t in signature.ParameterTypes.SelectMany(p => p)) yield return t;
        foreach (var t in OfAttributes(method.GetCustomAttributes())) yield return t;
        foreach (var p in method.GetParameters())
            foreach (var t in OfAttributes(_reader.GetParameter(p).GetCustomAttributes())) yield return t;
        foreach (var t in OfGenericParameters(method.GetGenericParameters())) yield return t;
        if (method.RelativeVirtualAddress == 0) yield break;
        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
            foreach (var t in _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_provider, null).SelectMany(l => l))
                yield return t;
        foreach (var token in ILTokens.Of(body))
            foreach (var t in OfToken(token)) yield return t;
    }

    private IEnumerable<TypeUse> OfGenericParameters(GenericParameterHandleCollection parameters) =>
        parameters.SelectMany(p => _reader.GetGenericParameter(p).GetConstraints())
            .SelectMany(c => OfToken(_reader.GetGenericParameterConstraint(c).Type));

    private IEnumerable<TypeUse> OfAttributes(CustomAttributeHandleCollection attributes) =>
        attributes.SelectMany(a => OfToken(_reader.GetCustomAttribute(a).Constructor));

    /// <summary>The types a token names: a type itself, or a member's declaring type and signature.</summary>
    private ImmutableArray<TypeUse> OfToken(EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.TypeDefinition:
                return [_provider.Of((TypeDefinitionHandle)token)];
            case HandleKind.TypeReference:
                return [_provider.Of((TypeReferenceHandle)token)];
            case HandleKind.TypeSpecification:
                return _provider.GetTypeFromSpecification(_reader, null, (TypeSpecificationHandle)token, 0);
            case HandleKind.MethodDefinition:
                var method = _reader.GetMethodDefinition((MethodDefinitionHandle)token);
                var methodSignature = method.DecodeSignature(_provider, null);
                return [_provider.Of(method.GetDeclaringType()), .. methodSignature.ReturnType, .. methodSignature.ParameterTypes.SelectMany(p => p)];
            case HandleKind.FieldDefinition:
                var field = _reader.GetFieldDefinition((FieldDefinitionHandle)token);
                return [_provider.Of(field.GetDeclaringType()), .. field.DecodeSignature(_provider, null)];
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)token);
                var parent = member.Parent.Kind == HandleKind.MethodDefinition || member.Parent.Kind == HandleKind.ModuleReference
                    ? [] : OfToken(member.Parent);
                return member.GetKind() == MemberReferenceKind.Method
                    ? [.. parent, .. member.DecodeMethodSignature(_provider, null) is var s ? s.ReturnType.AddRange(s.ParameterTypes.SelectMany(p => p)) : []]
                    : [.. parent, .. member.DecodeFieldSignature(_provider, null)];
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)token);
                return [.. OfToken(specification.Method), .. specification.DecodeSignature(_provider, null).SelectMany(a => a)];
            case HandleKind.StandaloneSignature:
                var standalone = _reader.GetStandaloneSignature((StandaloneSignatureHandle)token);
                if (standalone.GetKind() != StandaloneSignatureKind.Method) return [];
                var callSite = standalone.DecodeMethodSignature(_provider, null);
                return callSite.ReturnType.AddRange(callSite.ParameterTypes.SelectMany(p => p));
            default:
                return [];
        }
    }
}
