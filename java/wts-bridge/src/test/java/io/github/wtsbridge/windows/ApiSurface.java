package io.github.wtsbridge.windows;

import io.github.wtsbridge.WtsServer;

import io.github.wtsbridge.testing.JniExports;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public API, method by method, read from the library's own classes: every public method
 * declared by a public type of {@code io.github.wtsbridge} (nested public types too), except
 * what the compiler writes for records and enums (component accessors, equals, hashCode,
 * toString, values, valueOf). Keys read {@code WtsSession.userName()}.
 */
final class ApiSurface {
    private static final String PACKAGE = "io.github.wtsbridge";

    private ApiSurface() {
    }

    static Set<String> publicMethods() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : JniExports.mainClasses()) {
            if (!type.getPackageName().equals(PACKAGE) || !publicAllTheWay(type)) {
                continue;
            }
            Set<String> components = type.isRecord()
                    ? Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet())
                    : Set.of();
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                        && !generated(type, method, components)) {
                    keys.add(key(method));
                }
            }
        }
        return keys;
    }

    /** {@code Outer$Inner.name(Simple, Types)}. */
    static String key(Method method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getSimpleName());
        }
        String owner = method.getDeclaringClass().getName().substring(PACKAGE.length() + 1);
        return owner + "." + method.getName() + parameters;
    }

    private static boolean publicAllTheWay(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean generated(Class<?> type, Method method, Set<String> components) {
        String name = method.getName();
        int arity = method.getParameterCount();
        if (arity == 0 && (name.equals("hashCode") || name.equals("toString"))) {
            return true;
        }
        if (arity == 1 && name.equals("equals")) {
            return true;
        }
        if (arity == 0 && components.contains(name)) {
            return true; /* a record's accessor */
        }
        return type.isEnum() && (name.equals("values") && arity == 0
                || name.equals("valueOf") && arity == 1 && method.getParameterTypes()[0] == String.class);
    }
}
