using System.Collections.Generic;

namespace PSCompose.Model.Serialization
{
    internal enum ShapeKind
    {
        String,
        Int,
        /// <summary>float32 in compose-go (cpus, cpu_percent, ratios): printed with float32 precision.</summary>
        Float32,
        Float64,
        Bool,
        /// <summary>types.Duration: a Go duration string ("1m30s").</summary>
        Duration,
        /// <summary>types.UnitBytes: a quoted decimal byte count.</summary>
        Bytes,
        /// <summary>types.FileMode: a quoted octal string ("0440").</summary>
        FileMode,
        /// <summary>types.ShellCommand: a string list.</summary>
        Command,
        /// <summary>*types.UlimitsConfig: an int (single) or {soft, hard}.</summary>
        Ulimit,
        /// <summary>types.EnvFile: the bare path when required (format dropped), else {path, required, format}.</summary>
        EnvFile,
        /// <summary>Anything, printed as it is (x-* extensions).</summary>
        Any,
        List,
        /// <summary>A Go map: keys sorted, values of the element shape (null allowed when the element is a pointer).</summary>
        Map,
        Struct,
    }

    /// <summary>When a struct field is left out, following its Go type and its json/yaml tags.</summary>
    internal enum Presence
    {
        /// <summary>`omitempty` on a value type: left out when zero, empty or absent.</summary>
        OmitEmpty,
        /// <summary>`omitempty` on a pointer: left out only when absent (null).</summary>
        Pointer,
        /// <summary>No omitempty: always written (zero value when absent).</summary>
        Always,
        /// <summary>ShellCommand: JSON always (null when absent); YAML omitempty on nil only.</summary>
        Command,
        /// <summary>A non-pointer struct with omitempty: JSON always writes it ({}), YAML leaves it out when all fields are zero.</summary>
        StructValue,
    }

    internal sealed class GoField
    {
        public GoField(string json, string yaml, GoShape shape, Presence presence)
        {
            Json = json;
            Yaml = yaml;
            Shape = shape;
            Presence = presence;
        }

        /// <summary>The key in the document and in JSON.</summary>
        public string Json { get; }

        /// <summary>The key in YAML (differs only for untagged fields such as WeightDevice.Path).</summary>
        public string Yaml { get; }

        public GoShape Shape { get; }

        public Presence Presence { get; }
    }

    /// <summary>The Go type of a value in compose-go's model, as far as encoding it needs.</summary>
    internal sealed class GoShape
    {
        private GoShape(ShapeKind kind, GoShape element = null, List<GoField> fields = null, bool extensions = false)
        {
            Kind = kind;
            Element = element;
            Fields = fields;
            HasExtensions = extensions;
        }

        public ShapeKind Kind { get; }

        public GoShape Element { get; }

        public List<GoField> Fields { get; }

        /// <summary>The struct inlines x-* keys in YAML (json:"-" leaves them out of JSON).</summary>
        public bool HasExtensions { get; }

        /// <summary>A map whose values may be null (map of pointers, MappingWithEquals).</summary>
        public bool NullableValues { get; private set; }

        public static readonly GoShape String = new GoShape(ShapeKind.String);
        public static readonly GoShape Int = new GoShape(ShapeKind.Int);
        public static readonly GoShape Float32 = new GoShape(ShapeKind.Float32);
        public static readonly GoShape Float64 = new GoShape(ShapeKind.Float64);
        public static readonly GoShape Bool = new GoShape(ShapeKind.Bool);
        public static readonly GoShape Duration = new GoShape(ShapeKind.Duration);
        public static readonly GoShape Bytes = new GoShape(ShapeKind.Bytes);
        public static readonly GoShape FileMode = new GoShape(ShapeKind.FileMode);
        public static readonly GoShape Command = new GoShape(ShapeKind.Command);
        public static readonly GoShape Ulimit = new GoShape(ShapeKind.Ulimit);
        public static readonly GoShape Any = new GoShape(ShapeKind.Any);
        public static readonly GoShape EnvFile = new GoShape(ShapeKind.EnvFile);
        public static readonly GoShape Strings = ListOf(String);
        public static readonly GoShape StringMap = MapOf(String);

        public static GoShape ListOf(GoShape element) => new GoShape(ShapeKind.List, element);

        public static GoShape MapOf(GoShape element, bool nullableValues = false) =>
            new GoShape(ShapeKind.Map, element) { NullableValues = nullableValues };

        public static GoShape Struct(bool extensions, params GoField[] fields) =>
            new GoShape(ShapeKind.Struct, null, new List<GoField>(fields), extensions);
    }
}
