package io.github.wtsbridge.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wtsbridge.internal.BundledDigests;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GraalVM native-image metadata ({@code META-INF/native-image/io.github.wtsbridge/wts-bridge/})
 * against what the library really does by name at run time:
 * <ul>
 *   <li>{@code jni-config.json} holds exactly the classes, methods and fields the shim's C code
 *       (native/src, native/include, native/platform; not native/fake, which never ships) looks
 *       up: {@code FindClass}, {@code Get(Static)MethodID}, {@code Get(Static)FieldID}, the
 *       {@code (Ljava/lang/String;)V} constructor that {@code ThrowNew} calls, the element classes
 *       of {@code NewObjectArray}; followed through helpers that pass their own parameters on
 *       (such as {@code global_class(env, "java/lang/String")}), through variables holding
 *       classes, and through the {@code jclass} parameter of a {@code Java_*} native. No entry is
 *       missing and none is stale, and each one exists in the Java classes with the C
 *       signature (static or not, return type included).</li>
 *   <li>{@code resource-config.json} matches every resource the loader reads (the DLL for each
 *       architecture and {@link BundledDigests#RESOURCE}) and every file the build bundles under
 *       {@code natives/}, and each of its patterns matches one of them.</li>
 *   <li>{@code reflect-config.json} registers only {@code org.slf4j.LoggerFactory}, which {@code Log} looks up
 *       with {@code Class.forName} to find whether slf4j-api is there; the library's code uses no other reflection.</li>
 * </ul>
 * A lookup the parser cannot resolve (a name that is not a literal, a class it cannot trace,
 * {@code RegisterNatives}) fails the test with its file and line: extend the parser, never
 * skip it.
 */
class NativeImageMetadataTest {
    private static final String METADATA = "java/wts-bridge/src/main/resources/META-INF/native-image/io.github.wtsbridge/wts-bridge/";
    /** The shim's sources: what the shipped DLLs are built from (CMakeLists.txt). */
    private static final List<String> SHIM_SOURCES = List.of("native/src", "native/include", "native/platform");
    private static final String MAIN_JAVA = "java/wts-bridge/src/main/java/";
    /** The one place the library reads resources (its own jar or module). */
    private static final String RESOURCE_READER = "io/github/wtsbridge/internal/BundledResources.java";

    private static Path root;

    @BeforeAll
    static void findRoot() {
        String configured = System.getProperty("wts.repo.root");
        Path start = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("native/src")) && Files.isDirectory(p.resolve(METADATA))) {
                root = p;
                return;
            }
        }
        fail("no repository root (native/src and " + METADATA + ") at or above " + start
                + "; set -Dwts.repo.root=<the clone>");
    }

    // ------------------------------------------------------------------------------------------
    // jni-config.json

    @Test
    void jniConfigHoldsExactlyWhatTheShimLooksUp() throws IOException {
        Map<String, String> wanted = shimLookups(); // entry -> where in C
        Set<String> present = jniConfigEntries(readJson("jni-config.json"));
        List<String> missing = wanted.keySet().stream().filter(e -> !present.contains(e))
                .map(e -> e + "    (" + wanted.get(e) + ")").collect(Collectors.toList());
        List<String> stale = present.stream().filter(e -> !wanted.containsKey(e)).collect(Collectors.toList());
        assertTrue(missing.isEmpty() && stale.isEmpty(), "jni-config.json is out of step with the C code:\n"
                + (missing.isEmpty() ? "" : "  looked up in C but not in jni-config.json:\n    " + String.join("\n    ", missing) + "\n")
                + (stale.isEmpty() ? "" : "  in jni-config.json but looked up nowhere in C:\n    " + String.join("\n    ", stale) + "\n"));
    }

    /**
     * The -all jars are shrunk by ProGuard (java/shrink/common.pro): each of the library's classes
     * and members that the shim looks up by name needs a keep rule there, or the shrinker may take
     * it (ShrunkCliJarIT shows what that does: a NoSuchMethodError where a session event was due).
     */
    @Test
    void everyLookupOfTheLibraryIsKeptByTheShrinker() throws IOException {
        String rules = Files.readString(root.resolve("java/shrink/common.pro"));
        Map<String, String> kept = new TreeMap<>(); // class -> body of its -keep rule
        Matcher keep = Pattern.compile("(?m)^-keep class (\\S+) \\{([^}]*)\\}").matcher(rules);
        while (keep.find()) {
            kept.put(keep.group(1), keep.group(2).replaceAll("\\s+", " "));
        }
        List<String> unkept = new ArrayList<>();
        for (String entry : jniConfigEntries(readJson("jni-config.json"))) {
            String kind = entry.substring(0, entry.indexOf(' '));
            String name = entry.substring(kind.length() + 1);
            int paren = name.indexOf('(');
            int dot = kind.equals("class") ? name.length() : name.lastIndexOf('.', paren < 0 ? name.length() : paren);
            String type = name.substring(0, dot);
            if (!type.startsWith("io.github.wtsbridge.")) {
                continue; // a JDK class: ProGuard does not touch the JDK
            }
            String body = kept.get(type);
            if (body == null) {
                unkept.add(entry + ": no \"-keep class " + type + " {...}\"");
            } else if (!kind.equals("class") && !body.contains(" " + name.substring(dot + 1).replace(",", ", ") + ";")) {
                // as the rule writes it: " name(type, type);" for a method, " name;" for a field
                unkept.add(entry + ": not in the rule's members:" + body);
            }
        }
        assertEquals(List.of(), unkept, "java/shrink/common.pro");
        assertTrue(kept.containsKey("io.github.wtsbridge.internal.EventsNative"), "the rules were read: " + kept.keySet());
    }

    /** The parser is not vacuous: it finds the lookups every build of the shim makes. */
    @Test
    void parserFindsTheKnownLookups() throws IOException {
        Map<String, String> wanted = shimLookups();
        for (String known : List.of("class java.lang.String", "class io.github.wtsbridge.WtsException",
                "method io.github.wtsbridge.WtsException.<init>(int,java.lang.String,java.lang.String)",
                "method java.lang.IllegalArgumentException.<init>(java.lang.String)")) {
            assertTrue(wanted.containsKey(known), "the C parser missed " + known + "; it found " + wanted.keySet());
        }
    }

    /** Every JNI entry names a real class and member, with the C code's signature and kind. */
    @Test
    void everyLookupExistsInJava() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Lookup lookup : resolvedLookups()) {
            try {
                Class<?> type = Class.forName(lookup.className, false, getClass().getClassLoader());
                if (lookup.kind == Kind.METHOD || lookup.kind == Kind.STATIC_METHOD) {
                    checkMethod(type, lookup);
                } else if (lookup.kind == Kind.FIELD || lookup.kind == Kind.STATIC_FIELD) {
                    checkField(type, lookup);
                }
            } catch (ReflectiveOperationException | AssertionError e) {
                problems.add(lookup + " (" + lookup.where + "): " + e);
            }
        }
        assertTrue(problems.isEmpty(), "C looks up what Java does not have:\n  " + String.join("\n  ", problems));
    }

    private static void checkMethod(Class<?> type, Lookup lookup) throws ReflectiveOperationException {
        Class<?>[] parameters = Descriptors.parameterClasses(lookup.signature);
        Class<?> returns = Descriptors.returnClass(lookup.signature);
        if (lookup.member.equals("<init>")) {
            type.getDeclaredConstructor(parameters);
            assertEquals(void.class, returns, "a constructor returns V");
            assertFalse(Modifier.isAbstract(type.getModifiers()), "abstract class");
            return;
        }
        for (Class<?> t = type; t != null; t = t.getSuperclass()) { // GetMethodID also finds inherited methods
            try {
                Method m = t.getDeclaredMethod(lookup.member, parameters);
                assertEquals(returns, m.getReturnType(), "return type");
                assertEquals(lookup.kind == Kind.STATIC_METHOD, Modifier.isStatic(m.getModifiers()), "static");
                return;
            } catch (NoSuchMethodException e) {
                /* look in the superclass */
            }
        }
        throw new NoSuchMethodException(lookup.toString());
    }

    private static void checkField(Class<?> type, Lookup lookup) throws ReflectiveOperationException {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                Field f = t.getDeclaredField(lookup.member);
                assertEquals(Descriptors.classOf(lookup.signature, new int[] {0}), f.getType(), "field type");
                assertEquals(lookup.kind == Kind.STATIC_FIELD, Modifier.isStatic(f.getModifiers()), "static");
                return;
            } catch (NoSuchFieldException e) {
                /* look in the superclass */
            }
        }
        throw new NoSuchFieldException(lookup.toString());
    }

    /** The shim binds its natives by exported Java_* names; RegisterNatives would need more metadata. */
    @Test
    void nativesAreBoundByExportedNames() throws IOException {
        for (CFile file : shimFiles()) {
            Matcher m = Pattern.compile("\\bRegisterNatives\\b").matcher(file.code);
            if (m.find()) {
                fail(file.where(m.start()) + ": RegisterNatives: jni-config.json then needs the registered natives "
                        + "(\"methods\" of their class); teach NativeImageMetadataTest to read the JNINativeMethod table");
            }
        }
    }

    /** "class X", "method X.m(p1,p2)", "field X.f", as jni-config.json lists them. */
    private static Set<String> jniConfigEntries(Object json) {
        Set<String> entries = new TreeSet<>();
        for (Object element : asList(json, "jni-config.json")) {
            Map<String, Object> type = asMap(element, "jni-config.json entry");
            String name = (String) type.get("name");
            assertTrue(name != null, "jni-config.json: an entry without a name: " + type);
            for (String key : type.keySet()) {
                assertTrue(Set.of("name", "methods", "fields").contains(key), "jni-config.json: " + name + " has \"" + key
                        + "\": broader than any lookup of the C code (list the members it looks up instead)");
            }
            entries.add("class " + name);
            for (Object m : asList(type.getOrDefault("methods", List.of()), name + " methods")) {
                Map<String, Object> method = asMap(m, name + " method");
                List<String> parameters = asList(method.get("parameterTypes"), name + " parameterTypes").stream()
                        .map(String.class::cast).collect(Collectors.toList());
                entries.add("method " + name + "." + method.get("name") + "(" + String.join(",", parameters) + ")");
            }
            for (Object f : asList(type.getOrDefault("fields", List.of()), name + " fields")) {
                entries.add("field " + name + "." + asMap(f, name + " field").get("name"));
            }
        }
        return entries;
    }

    /** What jni-config.json must hold for the shim's lookups: entry -> where in C (first place). */
    static Map<String, String> shimLookups() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        for (Lookup lookup : resolvedLookups()) {
            entries.putIfAbsent("class " + lookup.className, lookup.where);
            switch (lookup.kind) {
                case METHOD:
                case STATIC_METHOD:
                    entries.putIfAbsent("method " + lookup.className + "." + lookup.member + "("
                            + String.join(",", Descriptors.parameterNames(lookup.signature)) + ")", lookup.where);
                    break;
                case FIELD:
                case STATIC_FIELD:
                    entries.putIfAbsent("field " + lookup.className + "." + lookup.member, lookup.where);
                    break;
                default:
                    break;
            }
        }
        return entries;
    }

    // ------------------------------------------------------------------------------------------
    // The C side: lookups by name, through helpers, variables and native methods' jclass.

    enum Kind { CLASS, METHOD, STATIC_METHOD, FIELD, STATIC_FIELD }

    /** One class or member the C code looks up by name. */
    static final class Lookup {
        final Kind kind;
        final String className;
        final String member;
        final String signature;
        final String where;

        Lookup(Kind kind, String className, String member, String signature, String where) {
            this.kind = kind;
            this.className = className;
            this.member = member;
            this.signature = signature;
            this.where = where;
        }

        @Override
        public String toString() {
            return kind + " " + className + (member == null ? "" : "." + member + signature);
        }
    }

    /** A C source, comments blanked (lines and string literals kept). */
    static final class CFile {
        final Path path;
        final String code;
        final List<CFunction> functions = new ArrayList<>();
        /** Every top-level {...}: function bodies (whatever their header) and initializers. */
        final List<int[]> blocks = new ArrayList<>();
        final Map<String, String> stringMacros = new HashMap<>();
        /** FN-style macros: #define FN(name) Java_..._##name -> the class's binary name. */
        final Map<String, String> nativeMacros = new HashMap<>();

        CFile(Path path, String text) {
            this.path = path;
            this.code = blankComments(text);
        }

        String where(int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            return root.relativize(path) + ":" + line;
        }

        CFunction functionAt(int offset) {
            for (CFunction f : functions) {
                if (offset > f.bodyStart && offset < f.bodyEnd) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A function definition: its name, parameter names, and the class if it is a Java native. */
    static final class CFunction {
        final String name;
        final List<String> parameters;
        final List<String> parameterTypes;
        final String nativeClass;
        final int bodyStart;
        final int bodyEnd;

        CFunction(String name, List<String> parameters, List<String> parameterTypes, String nativeClass, int bodyStart, int bodyEnd) {
            this.name = name;
            this.parameters = parameters;
            this.parameterTypes = parameterTypes;
            this.nativeClass = nativeClass;
            this.bodyStart = bodyStart;
            this.bodyEnd = bodyEnd;
        }
    }

    /** A call to a JNI lookup function (or a helper that wraps one), arguments as written. */
    static final class Call {
        final String function;
        final List<String> arguments;
        final CFile file;
        final int offset;
        /** The variable the call's result is assigned to, if any. */
        final String assignedTo;

        Call(String function, List<String> arguments, CFile file, int offset, String assignedTo) {
            this.function = function;
            this.arguments = arguments;
            this.file = file;
            this.offset = offset;
            this.assignedTo = assignedTo;
        }

        String where() {
            return file.where(offset);
        }
    }

    /** Which argument of each JNI function names what (env is argument 0 of the call). */
    private static final Map<String, int[]> JNI_LOOKUPS = Map.of(
            "FindClass", new int[] {1},
            "GetMethodID", new int[] {1, 2, 3},
            "GetStaticMethodID", new int[] {1, 2, 3},
            "GetFieldID", new int[] {1, 2, 3},
            "GetStaticFieldID", new int[] {1, 2, 3},
            "ThrowNew", new int[] {1},
            "NewObjectArray", new int[] {2});

    private static final Pattern DEFINE_STRING = Pattern.compile("(?m)^\\s*#\\s*define\\s+(\\w+)\\s+((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)$");
    private static final Pattern DEFINE_NATIVE = Pattern.compile("(?m)^\\s*#\\s*define\\s+(\\w+)\\s*\\(\\s*(\\w+)\\s*\\)\\s+(Java_\\w+?)_##\\s*\\2\\s*$");
    private static final Pattern HEADER = Pattern.compile("(?:(\\w+)\\s*\\(\\s*(\\w+)\\s*\\)|(\\w+))\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern ASSIGNED = Pattern.compile("(\\w+)\\s*=\\s*(?:\\(\\s*jclass\\s*\\)\\s*)?(?:\\(\\s*\\*\\s*\\w+\\s*\\)\\s*->\\s*)?$");
    private static final Pattern GLOBAL_REF = Pattern.compile("(\\w+)\\s*=\\s*(?:\\(\\s*jclass\\s*\\)\\s*)?\\(\\s*\\*\\s*\\w+\\s*\\)\\s*->\\s*New(?:Global|WeakGlobal|Local)?Ref\\s*\\(\\s*\\w+\\s*,\\s*(\\w+)\\s*\\)");

    private static List<Lookup> cachedLookups;

    static synchronized List<Lookup> resolvedLookups() throws IOException {
        if (cachedLookups == null) {
            cachedLookups = resolve(shimFiles());
        }
        return cachedLookups;
    }

    static List<CFile> shimFiles() throws IOException {
        List<CFile> files = new ArrayList<>();
        for (String dir : SHIM_SOURCES) {
            Path base = root.resolve(dir);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().collect(Collectors.toList())) {
                    files.add(new CFile(p, Files.readString(p, StandardCharsets.ISO_8859_1)));
                }
            }
        }
        assertFalse(files.isEmpty(), "no C sources under " + SHIM_SOURCES);
        Map<String, String> macros = new HashMap<>();
        for (CFile f : files) {
            Matcher d = DEFINE_STRING.matcher(f.code);
            while (d.find()) {
                f.stringMacros.put(d.group(1), joinLiterals(d.group(2)));
                macros.putIfAbsent(d.group(1), joinLiterals(d.group(2)));
            }
            Matcher n = DEFINE_NATIVE.matcher(f.code);
            while (n.find()) {
                f.nativeMacros.put(n.group(1), nativeClass(n.group(3) + "_x"));
            }
            findFunctions(f);
        }
        for (CFile f : files) { // headers' string macros are visible everywhere they are included
            macros.forEach(f.stringMacros::putIfAbsent);
        }
        return files;
    }

    /** Top-level function definitions: the header before each top-level '{' that looks like one. */
    private static void findFunctions(CFile f) {
        String c = f.code;
        int depth = 0;
        int statementStart = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = skipLiteral(c, i);
                continue;
            }
            if (depth == 0 && ch == '#') { // preprocessor line (with continuations)
                while (i < c.length() && c.charAt(i) != '\n') {
                    if (c.charAt(i) == '\\' && i + 1 < c.length() && c.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                }
                statementStart = i + 1;
                continue;
            }
            if (ch == '{') {
                if (depth == 0) {
                    int end = matching(c, i);
                    f.blocks.add(new int[] {i, end});
                    String header = c.substring(statementStart, i).trim();
                    Matcher h = HEADER.matcher(header);
                    if (h.find() && !header.contains("=")) {
                        String name = h.group(3) != null ? h.group(3) : h.group(1) + "(" + h.group(2) + ")";
                        String nativeClass = null;
                        if (h.group(3) != null && h.group(3).startsWith("Java_")) {
                            nativeClass = nativeClass(h.group(3));
                        } else if (h.group(1) != null && f.nativeMacros.containsKey(h.group(1))) {
                            nativeClass = f.nativeMacros.get(h.group(1));
                        }
                        List<String> names = new ArrayList<>();
                        List<String> types = new ArrayList<>();
                        for (String p : h.group(4).split(",")) {
                            Matcher last = Pattern.compile("^(.*?)(\\w+)\\s*(?:\\[\\s*\\])?\\s*$").matcher(p.trim());
                            if (!p.trim().equals("void") && last.find()) {
                                names.add(last.group(2));
                                types.add(last.group(1).replaceAll("\\s+", " ").trim());
                            }
                        }
                        f.functions.add(new CFunction(name, names, types, nativeClass, i, end));
                    }
                    i = end;
                    statementStart = end + 1;
                    continue;
                }
                depth++;
            } else if (ch == '}') {
                depth--;
            } else if (ch == ';' && depth == 0) {
                statementStart = i + 1;
            }
        }
    }

    /** Java_io_github_wtsbridge_internal_EventsNative_init -> io.github.wtsbridge.internal.EventsNative. */
    private static String nativeClass(String symbol) {
        String mangled = symbol.substring("Java_".length());
        mangled = mangled.replaceAll("__.*$", ""); // overloaded: Java_p_C_m__sig
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < mangled.length(); i++) {
            char ch = mangled.charAt(i);
            if (ch == '_' && i + 1 < mangled.length() && mangled.charAt(i + 1) == '1') {
                part.append('_');
                i++;
            } else if (ch == '_') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString()); // the method name
        return String.join(".", parts.subList(0, parts.size() - 1));
    }

    /** Every call of the JNI lookups, and of helpers that pass their parameters on to one, resolved. */
    private static List<Lookup> resolve(List<CFile> files) {
        // 1. Calls of the JNI functions themselves.
        Deque<Call> work = new ArrayDeque<>();
        for (CFile f : files) {
            for (String jni : JNI_LOOKUPS.keySet()) {
                work.addAll(calls(f, jni));
            }
        }
        // 2. Helpers: a call whose names come from its function's own parameters makes that
        //    function a helper; its callers' arguments are then what is looked up.
        List<Call> concrete = new ArrayList<>();
        Set<String> expanded = new TreeSet<>();
        while (!work.isEmpty()) {
            Call call = work.removeFirst();
            String jni = call.function;
            CFunction enclosing = call.file.functionAt(call.offset);
            boolean viaParameters = false;
            for (int index : JNI_LOOKUPS.get(jni)) {
                String arg = index < call.arguments.size() ? call.arguments.get(index).trim() : "";
                if (enclosing != null && enclosing.nativeClass == null && enclosing.parameters.contains(arg)) {
                    viaParameters = true;
                }
            }
            if (!viaParameters) {
                concrete.add(call);
                continue;
            }
            String key = enclosing.name + " <- " + call.where();
            if (!expanded.add(key)) {
                continue;
            }
            for (CFile f : files) {
                for (Call use : calls(f, enclosing.name)) {
                    List<String> substituted = new ArrayList<>();
                    for (String arg : call.arguments) {
                        int p = enclosing.parameters.indexOf(arg.trim());
                        substituted.add(p >= 0 && p < use.arguments.size() ? use.arguments.get(p) : arg);
                    }
                    work.addLast(new Call(jni, substituted, use.file, use.offset, use.assignedTo));
                }
            }
        }
        // 3. Variables holding classes: assigned a FindClass result, or a global ref to one.
        Map<CFile, Map<String, String>> fileClasses = new HashMap<>();
        Map<String, String> globalClasses = new HashMap<>();
        List<Lookup> lookups = new ArrayList<>();
        for (Call call : concrete) {
            if (call.function.equals("FindClass")) {
                String name = literal(call, 1);
                String binary = name.replace('/', '.');
                lookups.add(new Lookup(Kind.CLASS, binary, null, null, call.where()));
                if (call.assignedTo != null) {
                    fileClasses.computeIfAbsent(call.file, k -> new HashMap<>()).put(call.assignedTo, binary);
                    globalClasses.putIfAbsent(call.assignedTo, binary);
                }
            }
        }
        for (CFile f : files) {
            Matcher g = GLOBAL_REF.matcher(f.code);
            while (g.find()) {
                Map<String, String> known = fileClasses.computeIfAbsent(f, k -> new HashMap<>());
                if (known.containsKey(g.group(2))) {
                    known.putIfAbsent(g.group(1), known.get(g.group(2)));
                    globalClasses.putIfAbsent(g.group(1), known.get(g.group(2)));
                } else {
                    CFunction fn = f.functionAt(g.start());
                    if (fn != null && fn.nativeClass != null && enclosingJclass(fn, g.group(2))) {
                        known.putIfAbsent(g.group(1), fn.nativeClass);
                        globalClasses.putIfAbsent(g.group(1), fn.nativeClass);
                    }
                }
            }
        }
        // 4. Members and exceptions.
        for (Call call : concrete) {
            String where = call.where();
            switch (call.function) {
                case "FindClass":
                    break;
                case "ThrowNew": {
                    String type = classOf(call, 1, fileClasses, globalClasses);
                    lookups.add(new Lookup(Kind.METHOD, type, "<init>", "(Ljava/lang/String;)V", where));
                    break;
                }
                case "NewObjectArray":
                    lookups.add(new Lookup(Kind.CLASS, classOf(call, 2, fileClasses, globalClasses), null, null, where));
                    break;
                default: {
                    Kind kind = Map.of("GetMethodID", Kind.METHOD, "GetStaticMethodID", Kind.STATIC_METHOD,
                            "GetFieldID", Kind.FIELD, "GetStaticFieldID", Kind.STATIC_FIELD).get(call.function);
                    lookups.add(new Lookup(kind, classOf(call, 1, fileClasses, globalClasses), literal(call, 2),
                            literal(call, 3), where));
                }
            }
        }
        return lookups;
    }

    private static boolean enclosingJclass(CFunction f, String name) {
        int i = f.parameters.indexOf(name);
        return i >= 0 && f.parameterTypes.get(i).equals("jclass");
    }

    /** The class a jclass argument holds: a native's own class, or a variable assigned a lookup. */
    private static String classOf(Call call, int index, Map<CFile, Map<String, String>> fileClasses, Map<String, String> globalClasses) {
        String arg = call.arguments.get(index).trim().replaceAll("^\\(\\s*jclass\\s*\\)\\s*", "");
        CFunction f = call.file.functionAt(call.offset);
        if (f != null && f.nativeClass != null && enclosingJclass(f, arg)) {
            return f.nativeClass;
        }
        String known = fileClasses.getOrDefault(call.file, Map.of()).get(arg);
        if (known == null) {
            known = globalClasses.get(arg);
        }
        if (known == null) {
            fail(call.where() + ": " + call.function + " on class '" + arg + "', which NativeImageMetadataTest cannot trace "
                    + "to a FindClass or a native's jclass; extend the test");
        }
        return known;
    }

    /** The string literal (or string macro) an argument holds. */
    private static String literal(Call call, int index) {
        String arg = index < call.arguments.size() ? call.arguments.get(index).trim() : "";
        if (arg.startsWith("\"")) {
            return joinLiterals(arg);
        }
        String macro = call.file.stringMacros.get(arg);
        if (macro != null) {
            return macro;
        }
        fail(call.where() + ": " + call.function + " argument " + index + " is '" + arg + "', not a string literal; "
                + "NativeImageMetadataTest cannot tell what it looks up: extend the test (a table of names?)");
        return null;
    }

    /** The calls of {@code function} in a file: (*env)->F(...), F(...), arguments split at top level. */
    private static List<Call> calls(CFile f, String function) {
        List<Call> calls = new ArrayList<>();
        String c = f.code;
        if (function.contains("(")) { // FN(x)-style names are never called by that name
            return calls;
        }
        Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(function) + "\\s*\\(").matcher(c);
        while (m.find()) {
            if (inLiteral(c, m.start())) {
                continue;
            }
            int open = m.end() - 1;
            int close = matchingParen(c, open);
            if (close < 0) {
                continue;
            }
            // Outside every top-level block it is a prototype or a definition's header: C has no
            // calls at file scope.
            int at = m.start();
            if (f.blocks.stream().noneMatch(b -> at > b[0] && at < b[1])) {
                if (JNI_LOOKUPS.containsKey(function) && inDefine(c, at)) {
                    fail(f.where(at) + ": " + function + " inside a #define: NativeImageMetadataTest does not expand "
                            + "macros; extend it, or make the macro a function");
                }
                continue;
            }
            String before = c.substring(Math.max(0, m.start() - 80), m.start());
            List<String> args = splitArguments(c.substring(open + 1, close));
            String assignedTo = null;
            Matcher a = ASSIGNED.matcher(before);
            if (a.find()) {
                assignedTo = a.group(1);
            }
            calls.add(new Call(function, args, f, m.start(), assignedTo));
        }
        return calls;
    }

    /** Whether offset is on a preprocessor line (following backslash continuations back). */
    private static boolean inDefine(String c, int offset) {
        int start = c.lastIndexOf('\n', offset - 1);
        while (start > 0 && c.charAt(start - 1) == '\\') {
            start = c.lastIndexOf('\n', start - 1);
        }
        return c.substring(start + 1, offset).stripLeading().startsWith("#");
    }

    private static List<String> splitArguments(String s) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = skipLiteral(s, i);
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                args.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        args.add(s.substring(start).trim());
        return args;
    }

    /** "a" "b" -> ab (C's adjacent literals; simple escapes). */
    private static String joinLiterals(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
        int end = 0;
        while (m.find()) {
            assertTrue(text.substring(end, m.start()).isBlank(), "not a plain string literal: " + text);
            out.append(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            end = m.end();
        }
        assertTrue(text.substring(end).isBlank(), "not a plain string literal: " + text);
        return out.toString();
    }

    private static int skipLiteral(String s, int i) {
        char quote = s.charAt(i);
        for (int j = i + 1; j < s.length(); j++) {
            if (s.charAt(j) == '\\') {
                j++;
            } else if (s.charAt(j) == quote || s.charAt(j) == '\n') {
                return j;
            }
        }
        return s.length() - 1;
    }

    private static boolean inLiteral(String s, int offset) {
        int lineStart = s.lastIndexOf('\n', offset) + 1;
        boolean in = false;
        for (int i = lineStart; i < offset; i++) {
            char ch = s.charAt(i);
            if (in && ch == '\\') {
                i++;
            } else if (ch == '"') {
                in = !in;
            } else if (!in && ch == '\'') {
                i = skipLiteral(s, i);
            }
        }
        return in;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = skipLiteral(s, i);
            } else if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = skipLiteral(s, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Comments become spaces (newlines kept, so offsets give the same line numbers). */
    static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = skipLiteral(text, i);
            } else if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (int j = i; j < end; j++) {
                    if (out.charAt(j) != '\n') {
                        out.setCharAt(j, ' ');
                    }
                }
                i = end - 1;
            } else if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                for (int j = i; j < end; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** JNI type descriptors -> the names jni-config.json uses, and Java classes. */
    static final class Descriptors {
        private static final Map<Character, Class<?>> PRIMITIVES = Map.of('Z', boolean.class, 'B', byte.class,
                'C', char.class, 'S', short.class, 'I', int.class, 'J', long.class, 'F', float.class,
                'D', double.class, 'V', void.class);

        static List<String> parameterNames(String descriptor) {
            List<String> names = new ArrayList<>();
            for (Class<?> c : parameterClasses(descriptor)) {
                names.add(c.getTypeName()); // int, java.lang.String, byte[], java.lang.String[]
            }
            return names;
        }

        static Class<?>[] parameterClasses(String descriptor) {
            assertTrue(descriptor.startsWith("(") && descriptor.indexOf(')') > 0, "not a method descriptor: " + descriptor);
            List<Class<?>> classes = new ArrayList<>();
            int[] at = {1};
            while (descriptor.charAt(at[0]) != ')') {
                classes.add(classOf(descriptor, at));
            }
            return classes.toArray(new Class<?>[0]);
        }

        static Class<?> returnClass(String descriptor) {
            int[] at = {descriptor.indexOf(')') + 1};
            Class<?> c = classOf(descriptor, at);
            assertEquals(descriptor.length(), at[0], "trailing characters in " + descriptor);
            return c;
        }

        static Class<?> classOf(String descriptor, int[] at) {
            char ch = descriptor.charAt(at[0]++);
            if (ch == '[') {
                return classOf(descriptor, at).arrayType();
            }
            if (ch == 'L') {
                int end = descriptor.indexOf(';', at[0]);
                String name = descriptor.substring(at[0], end).replace('/', '.');
                at[0] = end + 1;
                try {
                    return Class.forName(name, false, NativeImageMetadataTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("no class " + name + " (descriptor " + descriptor + ")", e);
                }
            }
            Class<?> primitive = PRIMITIVES.get(ch);
            assertTrue(primitive != null, "bad descriptor " + descriptor);
            return primitive;
        }
    }

    // ------------------------------------------------------------------------------------------
    // resource-config.json

    @Test
    void resourceConfigMatchesEveryResourceTheLoaderReads() throws Exception {
        List<Pattern> patterns = new ArrayList<>();
        Map<String, Object> config = asMap(readJson("resource-config.json"), "resource-config.json");
        Map<String, Object> resources = asMap(config.get("resources"), "resource-config.json resources");
        for (Object include : asList(resources.get("includes"), "resource-config.json includes")) {
            patterns.add(Pattern.compile((String) asMap(include, "include").get("pattern")));
        }
        Set<String> needed = loaderResources();
        List<String> unmatched = needed.stream().filter(r -> patterns.stream().noneMatch(p -> p.matcher(r).matches()))
                .collect(Collectors.toList());
        assertTrue(unmatched.isEmpty(), "resources the loader reads that resource-config.json does not include: " + unmatched);
        List<String> unused = patterns.stream().filter(p -> needed.stream().noneMatch(r -> p.matcher(r).matches()))
                .map(Pattern::pattern).collect(Collectors.toList());
        assertTrue(unused.isEmpty(), "resource-config.json patterns that match nothing the loader reads: " + unused);
    }

    /**
     * What the loader reads: the DLL under each architecture's folder (NativePlatform's folders,
     * the name BundledLibrary appends), the digests file, and every file the build bundles
     * under natives/ (wts.natives.dir, when the build passes it).
     */
    static Set<String> loaderResources() throws Exception {
        Set<String> names = new TreeSet<>();
        names.add(BundledDigests.RESOURCE);
        String bundledLibrary = javaCode("io/github/wtsbridge/internal/BundledLibrary.java");
        Matcher dll = Pattern.compile("resourceDirectory\\(\\)\\s*\\+\\s*\"([^\"]+)\"").matcher(bundledLibrary);
        assertTrue(dll.find(), "BundledLibrary no longer builds its resource as resourceDirectory() + \"<file>\": update this test");
        String file = dll.group(1);
        // NativePlatform's folder for each architecture a Windows JVM reports (package-private:
        // asked through reflection, as the loader asks it).
        Class<?> platform = Class.forName("io.github.wtsbridge.internal.NativePlatform");
        Method of = platform.getDeclaredMethod("of", java.util.function.Function.class);
        Method directory = platform.getDeclaredMethod("resourceDirectory");
        of.setAccessible(true);
        directory.setAccessible(true);
        Set<String> directories = new TreeSet<>();
        for (String arch : List.of("amd64", "x86", "aarch64")) {
            java.util.function.Function<String, String> properties = k -> k.equals("os.name") ? "Windows 11" : arch;
            directories.add((String) directory.invoke(of.invoke(null, properties)));
        }
        // And every natives/... folder the Java code names (a new architecture's case).
        Matcher literal = Pattern.compile("\"(natives/[^\"]*/)\"").matcher(javaCode("io/github/wtsbridge/internal/NativePlatform.java"));
        while (literal.find()) {
            directories.add(literal.group(1));
        }
        for (String d : directories) {
            names.add(d + file);
        }
        String bundled = System.getProperty("wts.natives.dir");
        if (bundled != null && Files.isDirectory(Path.of(bundled, "natives"))) {
            try (Stream<Path> walk = Files.walk(Path.of(bundled, "natives"))) {
                walk.filter(Files::isRegularFile).map(p -> Path.of(bundled).relativize(p).toString().replace('\\', '/'))
                        .forEach(names::add);
            }
        }
        return names;
    }

    /** Only BundledResources reads resources; a new reader needs its resources in resource-config.json. */
    @Test
    void onlyTheKnownReaderReadsResources() throws IOException {
        List<String> readers = new ArrayList<>();
        Path main = root.resolve(MAIN_JAVA);
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                String code = blankComments(Files.readString(p));
                if (Pattern.compile("\\bgetResources?(?:AsStream)?\\s*\\(|\\bResourceBundle\\b").matcher(code).find()) {
                    readers.add(main.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        assertEquals(List.of(RESOURCE_READER), readers, "code that reads resources: add what it reads to "
                + "resource-config.json and to NativeImageMetadataTest.loaderResources()");
    }

    // ------------------------------------------------------------------------------------------
    // reflect-config.json

    /* Log asks Class.forName whether slf4j-api is there; in a native image the class must be
       registered for that lookup to find it (ignored when the image has no slf4j). */
    private static final String SLF4J_PROBE = "org.slf4j.LoggerFactory";

    @Test
    void theOnlyReflectionIsTheSlf4jProbeAndReflectConfigListsIt() throws IOException {
        List<Object> entries = asList(readJson("reflect-config.json"), "reflect-config.json");
        assertEquals(List.of(Map.of("name", SLF4J_PROBE)), entries,
                "reflect-config.json: the library reflects on nothing but " + SLF4J_PROBE + " (see the README's GraalVM section)");
        Pattern reflective = Pattern.compile("\\bjava\\.lang\\.reflect\\b|\\bClass\\.forName\\b|\\.getDeclared(?:Method|Field|Constructor)s?\\s*\\("
                + "|\\.get(?:Method|Field|Constructor)s?\\s*\\(|\\.newInstance\\s*\\(|\\bMethodHandles\\b|\\bServiceLoader\\b|\\bProxy\\.newProxyInstance\\b");
        List<String> uses = new ArrayList<>();
        Path main = root.resolve(MAIN_JAVA);
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                Matcher m = reflective.matcher(blankComments(Files.readString(p)));
                while (m.find()) {
                    uses.add(main.relativize(p) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of("io/github/wtsbridge/internal/Log.java: Class.forName"), uses,
                "the library now uses reflection: register what it reflects on in reflect-config.json and update this test");
        assertTrue(javaCode("io/github/wtsbridge/internal/Log.java").contains("Class.forName(\"" + SLF4J_PROBE + "\""),
                "Log looks for " + SLF4J_PROBE + " (whether slf4j-api is there): the class reflect-config.json registers");
    }

    // ------------------------------------------------------------------------------------------
    // Helpers: files and a small JSON reader.

    private static String javaCode(String path) throws IOException {
        return blankComments(Files.readString(root.resolve(MAIN_JAVA + path)));
    }

    private static Object readJson(String name) throws IOException {
        return new Json(Files.readString(root.resolve(METADATA + name))).document();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o, String what) {
        assertTrue(o instanceof List, what + ": expected a JSON array, got " + o);
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) {
        assertTrue(o instanceof Map, what + ": expected a JSON object, got " + o);
        return (Map<String, Object>) o;
    }

    /** RFC 8259 JSON, enough for GraalVM's metadata: objects, arrays, strings, numbers, literals. */
    static final class Json {
        private final String s;
        private int at;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object value = value();
            space();
            if (at != s.length()) {
                throw error("trailing text");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            char ch = s.charAt(at);
            switch (ch) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    at++;
                    space();
                    if (peek('}')) {
                        return map;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        if (map.put(key, value()) != null) {
                            throw error("duplicate key " + key);
                        }
                        space();
                    } while (peek(','));
                    expect('}');
                    return map;
                }
                case '[': {
                    List<Object> list = new ArrayList<>();
                    at++;
                    space();
                    if (peek(']')) {
                        return list;
                    }
                    do {
                        list.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    return list;
                }
                case '"':
                    return string();
                default:
                    for (String word : List.of("true", "false", "null")) {
                        if (s.startsWith(word, at)) {
                            at += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word);
                        }
                    }
                    Matcher number = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?").matcher(s).region(at, s.length());
                    if (number.lookingAt()) {
                        at = number.end();
                        return Double.valueOf(number.group());
                    }
                    throw error("unexpected '" + ch + "'");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < s.length()) {
                char ch = s.charAt(at++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch < 0x20) {
                    throw error("control character in a string");
                }
                if (ch != '\\') {
                    out.append(ch);
                    continue;
                }
                char e = s.charAt(at++);
                switch (e) {
                    case '"': case '\\': case '/': out.append(e); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                        break;
                    default:
                        throw error("bad escape \\" + e);
                }
            }
            throw error("unterminated string");
        }

        private void space() {
            while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean peek(char ch) {
            if (at < s.length() && s.charAt(at) == ch) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char ch) {
            if (!peek(ch)) {
                throw error("expected '" + ch + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + at);
        }
    }
}
