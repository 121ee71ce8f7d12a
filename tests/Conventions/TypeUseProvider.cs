using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace MatchEngine.Tests.Conventions;

/// <summary>Decodes a signature (field, method, local, type specification) into every type it names, generic arguments
/// included.</summary>
internal sealed class TypeUseProvider(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<TypeUse>, object?>
{
    private static readonly ImmutableArray<TypeUse> None = [];

    public ImmutableArray<TypeUse> GetTypeFromDefinition(MetadataReader _, TypeDefinitionHandle handle, byte rawTypeKind) => [Of(handle)];

    public ImmutableArray<TypeUse> GetTypeFromReference(MetadataReader _, TypeReferenceHandle handle, byte rawTypeKind) => [Of(handle)];

    public ImmutableArray<TypeUse> GetTypeFromSpecification(MetadataReader _, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, context);

    public ImmutableArray<TypeUse> GetGenericInstantiation(ImmutableArray<TypeUse> genericType, ImmutableArray<ImmutableArray<TypeUse>> typeArguments) =>
        genericType.AddRange(typeArguments.SelectMany(a => a));

    public ImmutableArray<TypeUse> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeUse>> signature) =>
        signature.ReturnType.AddRange(signature.ParameterTypes.SelectMany(p => p));

    public ImmutableArray<TypeUse> GetModifiedType(ImmutableArray<TypeUse> modifier, ImmutableArray<TypeUse> unmodifiedType, bool isRequired) => unmodifiedType;

    public ImmutableArray<TypeUse> GetArrayType(ImmutableArray<TypeUse> elementType, ArrayShape shape) => elementType;
    public ImmutableArray<TypeUse> GetSZArrayType(ImmutableArray<TypeUse> elementType) => elementType;
    public ImmutableArray<TypeUse> GetByReferenceType(ImmutableArray<TypeUse> elementType) => elementType;
    public ImmutableArray<TypeUse> GetPointerType(ImmutableArray<TypeUse> elementType) => elementType;
    public ImmutableArray<TypeUse> GetPinnedType(ImmutableArray<TypeUse> elementType) => elementType;
    public ImmutableArray<TypeUse> GetGenericMethodParameter(object? genericContext, int index) => None;
    public ImmutableArray<TypeUse> GetGenericTypeParameter(object? genericContext, int index) => None;
    public ImmutableArray<TypeUse> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;

    /// <summary>The type a definition handle names, counted in its outermost declaring type's namespace.</summary>
    public TypeUse Of(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var outer = type;
        while (outer.GetDeclaringType() is { IsNil: false } declaring) outer = reader.GetTypeDefinition(declaring);
        return new TypeUse(true, reader.GetString(outer.Namespace), reader.GetString(type.Name));
    }

    /// <summary>The type a reference handle names (another assembly's), in its outermost declaring type's namespace.</summary>
    public TypeUse Of(TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var outer = type;
        while (outer.ResolutionScope.Kind == HandleKind.TypeReference) outer = reader.GetTypeReference((TypeReferenceHandle)outer.ResolutionScope);
        return new TypeUse(false, reader.GetString(outer.Namespace), reader.GetString(type.Name));
    }
}
