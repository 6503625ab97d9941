// Checks the compiled kernel.Shell.dll against docs/portable-code.md, so the kernel build (against
// its minimal corelib) does not discover a missing API or a throw: every BCL member it references
// must be in the portable subset, and no method may throw, box, or have exception handlers.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace KernelStress.Shell.Tests;

public class PortabilityTests
{
    // The portable subset (docs/portable-code.md), plus Span<T> -> ReadOnlySpan<T> conversion.
    private static readonly HashSet<string> AllowedMembers = new()
    {
        "System.Object::.ctor",
        "System.Span`1::.ctor", "System.Span`1::get_Length", "System.Span`1::get_IsEmpty", "System.Span`1::get_Item",
        "System.Span`1::Slice", "System.Span`1::CopyTo", "System.Span`1::Fill", "System.Span`1::Clear",
        "System.Span`1::op_Implicit",
        "System.ReadOnlySpan`1::.ctor", "System.ReadOnlySpan`1::get_Length", "System.ReadOnlySpan`1::get_IsEmpty",
        "System.ReadOnlySpan`1::get_Item", "System.ReadOnlySpan`1::Slice", "System.ReadOnlySpan`1::CopyTo",
        "System.String::get_Length", "System.String::get_Chars",
        "System.Threading.Interlocked::Increment", "System.Threading.Interlocked::Decrement", "System.Threading.Interlocked::Add",
        "System.Threading.Interlocked::Exchange", "System.Threading.Interlocked::CompareExchange",
        "System.Threading.Volatile::Read", "System.Threading.Volatile::Write",
        "System.Math::Min", "System.Math::Max", "System.Math::Abs", "System.Math::Sqrt",
    };

    // Attributes the compiler or the SDK emits on their own; each is optional or embedded by the
    // compiler when the corelib lacks it. ParamArrayAttribute is required by `params`, so it is not here.
    private static bool IsCompilerEmittedAttribute(string type) =>
        type.EndsWith("Attribute", StringComparison.Ordinal) && type != "System.ParamArrayAttribute"
        && (type.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal)
            || type.StartsWith("System.Diagnostics.", StringComparison.Ordinal)
            || type.StartsWith("System.Reflection.Assembly", StringComparison.Ordinal)
            || type.StartsWith("System.Runtime.Versioning.", StringComparison.Ordinal)
            || type.StartsWith("System.Security.", StringComparison.Ordinal)
            || type is "System.ObsoleteAttribute" or "System.Reflection.DefaultMemberAttribute"
                or "System.Runtime.InteropServices.InAttribute");

    private static readonly HashSet<string> AllowedTypes = new()
    {
        "System.Object", "System.ValueType", "System.Enum", "System.String", "System.Void", "System.Boolean", "System.Char",
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64",
        "System.UInt64", "System.IntPtr", "System.UIntPtr", "System.Double", "System.Single",
        "System.Span`1", "System.ReadOnlySpan`1", "System.Math", "System.Threading.Interlocked", "System.Threading.Volatile",
        // Enums used only as arguments of compiler-emitted attributes.
        "System.Diagnostics.DebuggableAttribute.DebuggingModes", "System.Diagnostics.DebuggerBrowsableState",
        "System.Security.Permissions.SecurityAction",
    };

    private static PEReader OpenLibrary() => new(File.OpenRead(typeof(ShellLimits).Assembly.Location));

    [Fact]
    public void Referenced_BCL_types_and_members_are_in_the_portable_subset()
    {
        using PEReader pe = OpenLibrary();
        MetadataReader md = pe.GetMetadataReader();
        var names = new TypeNames(md);
        var offenders = new List<string>();
        foreach (TypeReferenceHandle handle in md.TypeReferences)
        {
            string type = names.Of(handle);
            if (!AllowedTypes.Contains(type) && !IsCompilerEmittedAttribute(type))
            {
                offenders.Add("type " + type);
            }
        }
        foreach (MemberReferenceHandle handle in md.MemberReferences)
        {
            MemberReference member = md.GetMemberReference(handle);
            string type = names.OfParent(member.Parent);
            string name = type + "::" + md.GetString(member.Name);
            bool attribute = IsCompilerEmittedAttribute(type) && md.GetString(member.Name) == ".ctor";
            if (!attribute && !AllowedMembers.Contains(name))
            {
                offenders.Add("member " + name);
            }
        }
        Assert.True(offenders.Count == 0, "Outside the portable subset:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_method_throws_boxes_or_handles_exceptions()
    {
        using PEReader pe = OpenLibrary();
        MetadataReader md = pe.GetMetadataReader();
        var offenders = new List<string>();
        foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
        {
            MethodDefinition method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            string name = md.GetString(md.GetTypeDefinition(method.GetDeclaringType()).Name) + "." + md.GetString(method.Name);
            MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (body.ExceptionRegions.Length > 0)
            {
                offenders.Add(name + ": exception handler");
            }
            foreach (OpCode opCode in OpCodesOf(body.GetILBytes()!))
            {
                if (opCode == OpCodes.Throw || opCode == OpCodes.Rethrow || opCode == OpCodes.Box)
                {
                    offenders.Add(name + ": " + opCode.Name);
                }
            }
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_IL_scan_sees_every_instruction()
    {
        // ldc.i4.s 5; ldc.i4 7; switch (2 targets); box <token>; throw; ret
        byte[] il = { 0x1F, 5, 0x20, 7, 0, 0, 0, 0x45, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8C, 1, 0, 0, 0x02, 0x7A, 0x2A };
        Assert.Equal(new[] { OpCodes.Ldc_I4_S, OpCodes.Ldc_I4, OpCodes.Switch, OpCodes.Box, OpCodes.Throw, OpCodes.Ret }, OpCodesOf(il));
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => opCode.Value);

    private static List<OpCode> OpCodesOf(byte[] il)
    {
        var result = new List<OpCode>();
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            OpCode opCode = OpCodesByValue[value];
            i += opCode.Size;
            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            result.Add(opCode);
        }
        return result;
    }

    /// <summary>Names of referenced types, generic instantiations reduced to their definition ("System.Span`1").</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _md;

        public TypeNames(MetadataReader md)
        {
            _md = md;
        }

        public string Of(TypeReferenceHandle handle)
        {
            TypeReference type = _md.GetTypeReference(handle);
            string name = _md.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? Of((TypeReferenceHandle)type.ResolutionScope) + "." + name
                : _md.GetString(type.Namespace) + "." + name;
        }

        public string OfParent(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeReference => Of((TypeReferenceHandle)parent),
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(this, null),
            _ => "(defined here)",
        };

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Of(handle);
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "(defined here)";
        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[*]";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
        public string GetGenericTypeParameter(object? context, int index) => "!" + index;
        public string GetGenericMethodParameter(object? context, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
