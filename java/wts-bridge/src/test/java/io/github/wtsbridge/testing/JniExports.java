package io.github.wtsbridge.testing;

import io.github.wtsbridge.WtsSession;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The export table a wtsbridge.dll must have: derived from the natives the main classes declare. */
public final class JniExports {
    private JniExports() {
    }

    /** JNI_OnLoad/OnUnload and the undecorated Java_<class>_<method> of every native in main code. */
    public static Set<String> expected() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> names = new TreeSet<>(List.of("JNI_OnLoad", "JNI_OnUnload"));
        for (Class<?> type : mainClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isNative(method.getModifiers())) {
                    names.add("Java_" + mangle(type.getName()) + "_" + mangle(method.getName()));
                }
            }
        }
        if (names.size() <= 2) {
            throw new AssertionError("no native methods found in the main classes");
        }
        return names;
    }

    /**
     * Every class of the library's main code (not initialized): a directory under Maven, the
     * library's jar on the Windows JVM.
     */
    public static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(WtsSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name = root.relativize(file).toString().replace('\\', '.').replace('/', '.');
                    if (name.equals("module-info.class") || name.startsWith("META-INF.")) {
                        continue;
                    }
                    classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            JniExports.class.getClassLoader()));
                }
            }
        }
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + location);
        }
        return classes;
    }

    /** The JNI short-name mangling (our natives have no overloads). */
    public static String mangle(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == '.' || c == '/') {
                out.append('_');
            } else if (c == '_') {
                out.append("_1");
            } else if (c == ';') {
                out.append("_2");
            } else if (c == '[') {
                out.append("_3");
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append(String.format("_0%04x", (int) c));
            }
        }
        return out.toString();
    }
}
