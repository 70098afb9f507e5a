package wtsbridge.probe;

import java.lang.reflect.InvocationTargetException;

/**
 * Prints, one per line: where it runs ({@code module=}: the probe's and the library's module,
 * "unnamed" on the class path), the packages the library exports to it, what a reflective call
 * into {@code io.github.wtsbridge.internal} gives, and the result of one real call into the
 * library ({@code call=}) or its error ({@code error=}).
 */
public final class Main {
    private static final String LIBRARY = "io.github.wtsbridge";

    private Main() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Module library = Class.forName(LIBRARY + ".WtsException").getModule();
        System.out.println("module=" + name(Main.class.getModule()) + " library=" + name(library));
        for (String pkg : new String[] {LIBRARY, LIBRARY + ".internal"}) {
            System.out.println("exported " + pkg + "=" + library.isExported(pkg, Main.class.getModule()));
        }
        System.out.println("internal=" + reachInternal());
        try {
            System.out.println("call=" + Call.currentSessionId());
        } catch (RuntimeException e) {
            System.out.println("error=" + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static String name(Module module) {
        return module.isNamed() ? module.getName() : "unnamed";
    }

    /** Calls the public NativeLibrary.ensureLoaded() reflectively, as a program trying to get around the API would. */
    private static String reachInternal() throws ClassNotFoundException {
        try {
            Class.forName(LIBRARY + ".internal.NativeLibrary").getMethod("ensureLoaded").invoke(null);
            return "reachable";
        } catch (IllegalAccessException e) {
            return "IllegalAccessException: " + e.getMessage();
        } catch (InvocationTargetException e) {
            return "reachable (" + e.getCause() + ")";
        } catch (NoSuchMethodException e) {
            return "no such method";
        }
    }
}
