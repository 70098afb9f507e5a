package io.github.wtsbridge.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The -all jar is shrunk by ProGuard after shade (shrink-all.pro: unreachable classes and members
 * go, nothing is renamed or rewritten). What a user can call must all be there: every public
 * class of the API package, with every public and protected member, as in the main jar; and
 * every native method, which the DLL binds by name. ModuleIT runs the shrunk jar (real calls on
 * the class path); this compares it, member by member, with the main jar.
 */
class ShrunkJarIT {
    private static Path property(String name) {
        Path path = Path.of(System.getProperty(name, "missing-" + name));
        assertTrue(Files.exists(path), name + " (built before the integration tests): " + path);
        return path;
    }

    private static List<String> classNames(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("io/github/wtsbridge/") && n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** A loader of the jar alone, beside slf4j-api (the library's optional dependency, which Slf4jLog links to). */
    private static URLClassLoader loaderOf(Path jar) throws Exception {
        URL slf4j = LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {jar.toUri().toURL(), slf4j}, ClassLoader.getPlatformClassLoader());
    }

    private static boolean visible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    /** Per class: its public API (public classes of the API package) or its natives (any class), as signatures. */
    private static Map<String, TreeSet<String>> surface(Path jar) throws Exception {
        Map<String, TreeSet<String>> surface = new TreeMap<>();
        try (URLClassLoader loader = loaderOf(jar)) {
            for (String name : classNames(jar)) {
                Class<?> type = Class.forName(name, false, loader);
                TreeSet<String> members = new TreeSet<>();
                boolean api = type.getPackageName().equals("io.github.wtsbridge") && Modifier.isPublic(type.getModifiers());
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isNative(method.getModifiers()) || (api && visible(method) && !method.isSynthetic())) {
                        members.add(method.toGenericString());
                    }
                }
                if (api) {
                    Stream.of(type.getDeclaredFields()).filter(ShrunkJarIT::visible).forEach(f -> members.add(f.toGenericString()));
                    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                        if (visible(constructor)) {
                            members.add(constructor.toGenericString());
                        }
                    }
                    members.add("class " + type.toGenericString() + " extends " + type.getGenericSuperclass()
                            + " implements " + List.of(type.getGenericInterfaces()));
                }
                if (!members.isEmpty()) {
                    surface.put(name, members);
                }
            }
        }
        return surface;
    }

    @Test
    void theShrunkJarHasTheWholeApiAndEveryNative() throws Exception {
        Map<String, TreeSet<String>> main = surface(property("wts.jar"));
        Map<String, TreeSet<String>> shrunk = surface(property("wts.fatJar"));
        assertTrue(main.containsKey("io.github.wtsbridge.WtsServer") && main.containsKey("io.github.wtsbridge.internal.SessionsNative"),
                "the comparison sees the API and the natives: " + main.keySet());
        List<String> missing = new ArrayList<>();
        main.forEach((type, members) -> {
            TreeSet<String> left = new TreeSet<>(members);
            left.removeAll(shrunk.getOrDefault(type, new TreeSet<>()));
            left.forEach(m -> missing.add(type + ": " + m));
        });
        assertEquals(List.of(), missing, "taken by the shrinker: keep them in java/wts-bridge/shrink-all.pro");
        assertEquals(main, shrunk);
    }

    @Test
    void theShrunkJarIsSmallerAndKeepsItsResources() throws Exception {
        Path shrunk = property("wts.fatJar");
        Path unshrunk = Path.of(shrunk.toString().replace("-all.jar", "-all_proguard_base.jar"));
        assertTrue(Files.size(shrunk) < Files.size(unshrunk), shrunk + " is not smaller than " + unshrunk);
        try (JarFile before = new JarFile(unshrunk.toFile()); JarFile after = new JarFile(shrunk.toFile())) {
            List<String> resources = before.stream().map(JarEntry::getName)
                    .filter(n -> !n.endsWith(".class") && !n.endsWith("/")).sorted().collect(Collectors.toList());
            assertTrue(resources.contains("natives/windows_64/wtsbridge.dll"), resources.toString());
            for (String resource : resources) {
                assertTrue(after.getEntry(resource) != null, "resource dropped: " + resource);
                try (InputStream a = before.getInputStream(before.getEntry(resource));
                        InputStream b = after.getInputStream(after.getEntry(resource))) {
                    assertTrue(Arrays.equals(a.readAllBytes(), b.readAllBytes()), "resource changed: " + resource);
                }
            }
        }
    }
}
