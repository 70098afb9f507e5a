package io.github.wtsbridge.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The packaged jars as a JPMS module, run as users run them in child JVMs of this JDK 17, with
 * the host build standing in for the DLL ({@code -Dwtsbridge.library.path}): a small program
 * of its own module ({@code java/wts-bridge/src/test/modules/probe}, module {@code wtsbridge.probe},
 * {@code requires io.github.wtsbridge}) compiled against the thin jar and run on the module
 * path; a jlink image of both modules; the same program on the class path with the fat jar.
 * It makes one real call (the fake says session 1) and reports what the library exports to it
 * and what a reflective call into {@code io.github.wtsbridge.internal} gives.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the Linux host library stands in for the DLL")
class ModuleIT {
    private static final String PROBE = "wtsbridge.probe/wtsbridge.probe.Main";
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    static Path work;
    private static Path probe;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().collect(Collectors.toList());
        }
    }

    private static Path property(String name) {
        Path path = Path.of(System.getProperty(name, "missing-" + name));
        assertTrue(Files.exists(path), name + " (built before the integration tests): " + path);
        return path;
    }

    private static Path thinJar() {
        return property("wts.jar");
    }

    private static Path fatJar() {
        return property("wts.fatJar");
    }

    private static Path hostLibrary() {
        return property("wts.host.library");
    }

    /** slf4j-api's jar (a named module, org.slf4j; optional to the library), from this JVM's class path. */
    private static Path slf4j() throws URISyntaxException {
        return Path.of(LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String modulePath(Path... entries) {
        return Stream.of(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> sources(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(property("wts.probe.sources").resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().collect(Collectors.toList());
        }
    }

    private static Result run(Path executable, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Path err = Files.createTempFile(work, "child", ".err");
        Process child = builder.redirectError(err.toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "did not exit: " + command);
        return new Result(child.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Result tool(String name, String... args) throws Exception {
        return run(JDK.resolve("bin").resolve(name), args);
    }

    private static String hostLibraryArg() {
        return "-Dwtsbridge.library.path=" + hostLibrary();
    }

    /** What the probe prints from a named module given the library on the module path. */
    private static List<String> asAModule() {
        return List.of("module=wtsbridge.probe library=io.github.wtsbridge",
                "exported io.github.wtsbridge=true",
                "exported io.github.wtsbridge.internal=false",
                "internal=IllegalAccessException: class wtsbridge.probe.Main (in module wtsbridge.probe) cannot access class"
                        + " io.github.wtsbridge.internal.NativeLibrary (in module io.github.wtsbridge) because module"
                        + " io.github.wtsbridge does not export io.github.wtsbridge.internal to module wtsbridge.probe",
                "call=1");
    }

    /** The last line when the host library is checked against the jar's digests (they are the DLLs'). */
    private static void assertDigestsWereRead(Result result) throws Exception {
        String last = result.lines().get(result.lines().size() - 1);
        String expected = "error=java.lang.IllegalStateException: wts-bridge: " + hostLibrary()
                + " is not a wtsbridge.dll of this build (SHA-256 ";
        assertTrue(last.startsWith(expected), last);
        /* read from the module's own natives package (a class loader lookup finds nothing in a
           named module, and the message would then be "this jar records no DLL digests") */
        assertTrue(last.endsWith("matches none recorded in natives/wtsbridge.sha256); refusing to load it"), last);
    }

    @BeforeAll
    static void compileTheProbeAgainstTheThinJar() throws Exception {
        probe = work.resolve("probe");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", probe.toString(),
                "--module-path", modulePath(thinJar())));
        args.addAll(sources("probe"));
        Result javac = tool("javac", args.toArray(String[]::new));
        assertEquals(0, javac.code(), javac.err());
    }

    @Test
    void theThinJarIsAModuleThatExportsOnlyTheApi() throws Exception {
        Result described = tool("jar", "--describe-module", "--file", thinJar().toString());
        assertEquals(0, described.code(), described.err());
        List<String> lines = described.lines();
        assertTrue(lines.get(0).startsWith("io.github.wtsbridge@"), lines.get(0));
        assertEquals(List.of("exports io.github.wtsbridge"),
                lines.stream().filter(l -> l.startsWith("exports") || l.startsWith("opens")).collect(Collectors.toList()));
        assertEquals(List.of("requires java.base mandated", "requires jdk.unsupported", "requires org.slf4j static"),
                lines.stream().filter(l -> l.startsWith("requires")).sorted().collect(Collectors.toList()));
        assertTrue(lines.contains("contains io.github.wtsbridge.internal"), described.out());
        assertTrue(lines.contains("contains natives.windows_64"), described.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("main-class")), "the library declares no main class");
        assertTrue(lines.stream().noneMatch(l -> l.contains("io.github.wtsbridge.cli")), "the CLI is a module of its own");
    }

    @Test
    void onTheModulePathTheLibraryLoadsAndOnlyItsApiIsExported() throws Exception {
        Result result = tool("java", "--module-path", modulePath(thinJar(), probe), hostLibraryArg(),
                "-Dwtsbridge.library.verify=false", "-m", PROBE);
        assertEquals(0, result.code(), result.err());
        assertEquals(asAModule(), result.lines());
    }

    @Test
    void onTheModulePathTheLibraryReadsItsOwnDigests() throws Exception {
        Result result = tool("java", "--module-path", modulePath(thinJar(), probe), hostLibraryArg(), "-m", PROBE);
        assertEquals(0, result.code(), result.err());
        assertEquals(asAModule().subList(0, 4), result.lines().subList(0, 4));
        assertDigestsWereRead(result);
    }

    @Test
    void codeInAnotherModuleDoesNotCompileAgainstTheInternalPackage() throws Exception {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", work.resolve("never").toString(),
                "--module-path", modulePath(thinJar())));
        args.addAll(sources("probe"));
        args.addAll(sources("reaches-internal"));
        Result javac = tool("javac", args.toArray(String[]::new));
        assertNotEquals(0, javac.code(), "compiled against io.github.wtsbridge.internal");
        assertTrue(javac.err().contains("error: package io.github.wtsbridge.internal is not visible"), javac.err());
        assertTrue(javac.err().contains("(package io.github.wtsbridge.internal is declared in module io.github.wtsbridge,"
                + " which does not export it)"), javac.err());
    }

    @Test
    void jlinkBuildsAnImageWithTheModuleAndTheImageRuns() throws Exception {
        Path jmods = JDK.resolve("jmods");
        assertTrue(Files.isDirectory(jmods), "jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless): " + jmods);
        Path image = work.resolve("image");
        Result jlink = tool("jlink", "--module-path", modulePath(jmods, thinJar(), probe),
                "--add-modules", "io.github.wtsbridge,wtsbridge.probe", "--output", image.toString(),
                "--strip-debug", "--no-header-files", "--no-man-pages");
        assertEquals(0, jlink.code(), jlink.out() + jlink.err());
        Path java = image.resolve("bin").resolve("java");

        Result modules = run(java, "--list-modules");
        assertEquals(0, modules.code(), modules.err());
        assertEquals(List.of("io.github.wtsbridge", "java.base", "jdk.unsupported", "wtsbridge.probe"),
                modules.lines().stream().map(l -> l.replaceFirst("@.*", "")).sorted().collect(Collectors.toList()));

        Result loaded = run(java, hostLibraryArg(), "-Dwtsbridge.library.verify=false", "-m", PROBE);
        assertEquals(0, loaded.code(), loaded.err());
        assertEquals(asAModule(), loaded.lines());

        Result checked = run(java, hostLibraryArg(), "-m", PROBE);
        assertEquals(0, checked.code(), checked.err());
        assertDigestsWereRead(checked);
    }

    @Test
    void theFatJarStillWorksOnTheClassPath() throws Exception {
        Result result = tool("java", "-cp", modulePath(fatJar(), probe), hostLibraryArg(),
                "-Dwtsbridge.library.verify=false", "wtsbridge.probe.Main");
        assertEquals(0, result.code(), result.err());
        assertEquals(List.of("module=unnamed library=unnamed",
                "exported io.github.wtsbridge=true",
                "exported io.github.wtsbridge.internal=true",
                "internal=reachable",
                "call=1"), result.lines());

        Result checked = tool("java", "-cp", modulePath(fatJar(), probe), hostLibraryArg(), "wtsbridge.probe.Main");
        assertEquals(0, checked.code(), checked.err());
        assertDigestsWereRead(checked);
    }

    @Test
    void theFatJarHoldsTheLibraryButNoSlf4jAndNoCommandLineTool() throws Exception {
        try (JarFile jar = new JarFile(fatJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
            assertTrue(names.contains("io/github/wtsbridge/WtsServer.class"), "the library");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/slf4j/")), "slf4j-api is optional, not bundled");
            assertTrue(names.contains("natives/windows_64/wtsbridge.dll"), "the DLLs");
            for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY")) {
                assertTrue(names.contains(legal), legal);
            }
            assertTrue(names.stream().noneMatch(n -> n.startsWith("io/github/wtsbridge/cli/")), "no CLI classes");
            assertNull(jar.getManifest().getMainAttributes().getValue("Main-Class"), "no main class");
        }
    }

    /** A java.util.logging configuration that shows the library's debug messages on stderr. */
    private static Path debugLogging() throws IOException {
        Path config = work.resolve("debug-logging.properties");
        Files.writeString(config, "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level=FINE\n" + "io.github.wtsbridge.level=FINE\n"
                // level, logger name, message: the default format's "source" would be the facade's frame
                + "java.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%6$s%n\n");
        return config;
    }

    /* The load path logs "loading <path> without checking its digest" at debug level when
       wtsbridge.library.verify=false (InstalledLibrary): the message that tells where logs go. */
    private static final String DEBUG_MESSAGE = "without checking its digest (wtsbridge.library.verify=false)";
    private static final String SLF4J_WITHOUT_PROVIDER = "No SLF4J providers were found";

    @Test
    void withoutSlf4jTheLibraryLogsThroughSystemLogger() throws Exception {
        Result quiet = tool("java", "-cp", modulePath(fatJar(), probe), hostLibraryArg(),
                "-Dwtsbridge.library.verify=false", "wtsbridge.probe.Main");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err(), "nothing at the default level (INFO), no SLF4J warning");

        Result debug = tool("java", "-cp", modulePath(fatJar(), probe), hostLibraryArg(),
                "-Djava.util.logging.config.file=" + debugLogging(), "-Dwtsbridge.debug=true", "-Dwtsbridge.library.verify=false",
                "wtsbridge.probe.Main");
        assertEquals(0, debug.code(), debug.err());
        assertTrue(debug.err().contains("FINE io.github.wtsbridge.internal.InstalledLibrary: loading " + hostLibrary() + " "
                + DEBUG_MESSAGE), "debug is FINE, the logger is named after its class: " + debug.err());

        // Without -Dwtsbridge.debug=true, debug never reaches System.Logger (asking it would start
        // java.util.logging on every cold start), whatever the logging configuration says.
        Result unasked = tool("java", "-cp", modulePath(fatJar(), probe), hostLibraryArg(),
                "-Djava.util.logging.config.file=" + debugLogging(), "-Dwtsbridge.library.verify=false", "wtsbridge.probe.Main");
        assertEquals(0, unasked.code(), unasked.err());
        assertEquals("", unasked.err());
    }

    @Test
    void withSlf4jOnTheClassPathTheLibraryLogsThroughIt() throws Exception {
        // slf4j-api without a provider says so on its first logger: proof the library asked it.
        Result result = tool("java", "-cp", modulePath(fatJar(), probe, slf4j()), hostLibraryArg(),
                "-Djava.util.logging.config.file=" + debugLogging(), "-Dwtsbridge.debug=true", "-Dwtsbridge.library.verify=false",
                "wtsbridge.probe.Main");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.err().contains(SLF4J_WITHOUT_PROVIDER), result.err());
        assertFalse(result.err().contains(DEBUG_MESSAGE), "not through java.util.logging as well: " + result.err());
    }

    @Test
    void asAModuleTheLibraryLogsThroughSlf4jOnlyWhenTheGraphHoldsIt() throws Exception {
        Result without = tool("java", "--module-path", modulePath(thinJar(), probe, slf4j()), hostLibraryArg(),
                "-Djava.util.logging.config.file=" + debugLogging(), "-Dwtsbridge.debug=true", "-Dwtsbridge.library.verify=false", "-m", PROBE);
        assertEquals(0, without.code(), without.err());
        assertEquals(asAModule(), without.lines());
        assertTrue(without.err().contains(DEBUG_MESSAGE), "org.slf4j not resolved: System.Logger: " + without.err());

        Result with = tool("java", "--module-path", modulePath(thinJar(), probe, slf4j()), "--add-modules", "org.slf4j",
                hostLibraryArg(), "-Djava.util.logging.config.file=" + debugLogging(), "-Dwtsbridge.debug=true", "-Dwtsbridge.library.verify=false",
                "-m", PROBE);
        assertEquals(0, with.code(), with.err());
        assertEquals(asAModule(), with.lines());
        assertTrue(with.err().contains(SLF4J_WITHOUT_PROVIDER), with.err());
        assertFalse(with.err().contains(DEBUG_MESSAGE), with.err());
    }
}
