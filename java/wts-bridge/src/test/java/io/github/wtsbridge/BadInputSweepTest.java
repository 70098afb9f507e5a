package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wtsbridge.testing.FakeChannels;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every public static entry point of the API, each parameter in turn replaced by bad values
 * (null; negative and too-large numbers; empty, NUL-carrying and 100,000-character strings;
 * negative and huge durations) while the others stay valid. Whatever the method, the user
 * must get a Java exception, never a crash or a leak, and:
 * <ul>
 *   <li>null is a NullPointerException and a string with NUL an IllegalArgumentException;</li>
 *   <li>a NullPointerException or IllegalArgumentException means no native call was made.</li>
 * </ul>
 * The outcomes are written to target/bad-input-table.md (the README's table).
 */
class BadInputSweepTest extends FakeTestBase {
    private static final List<Class<?>> API = List.of(WtsSession.class, WtsServer.class, WtsSystemEventWaiter.class,
            WtsSessionSubscription.class, WtsSessionNotifications.class, WtsInventory.class, WtsVirtualChannel.class,
            WtsLaunchOnLogon.class, WtsRedirect.class, WtsStartOptions.class, WtsLaunchOnLogon.Options.class);
    /** The entities whose instance methods are swept too, on a valid receiver. */
    private static final Map<Class<?>, Object> RECEIVERS = Map.of(WtsServer.class, WtsServer.local(),
            WtsSession.class, WtsServer.local().session(1), WtsStartOptions.class, WtsStartOptions.defaults(),
            WtsLaunchOnLogon.Options.class, WtsLaunchOnLogon.Options.defaults());
    private static final String LONG_TEXT = "x".repeat(100_000);

    private record Bad(String label, Object value) {
    }

    private static Object valid(Class<?> type) {
        if (type == WtsServer.class) {
            return WtsServer.local();
        } else if (type == int.class) {
            return 1;
        } else if (type == long.class) {
            return 1000L;
        } else if (type == boolean.class) {
            return false;
        } else if (type == String.class || type == Object.class) {
            return "x";
        } else if (type == Duration.class) {
            return Duration.ofSeconds(1);
        } else if (type == WtsMessageStyle.class) {
            return WtsMessageStyle.OK;
        } else if (type == WtsUserSetting.class || type == WtsUserSetting.Writable.class) {
            return WtsUserSetting.INITIAL_PROGRAM;
        } else if (type == WtsSessionScope.class) {
            return WtsSessionScope.ALL_SESSIONS;
        } else if (type == WtsSessionListener.class) {
            return (WtsSessionListener) change -> { };
        } else if (type == List.class) {
            return List.of("x");
        } else if (type == WtsInventory.Options.class) {
            return WtsInventory.Options.defaults();
        } else if (type == WtsChannelPriority.class) {
            return WtsChannelPriority.LOW;
        } else if (type == WtsSessionChoice.class) {
            return WtsSessionChoice.CONSOLE_THEN_REMOTE;
        } else if (type == WtsStartOptions.class) {
            return WtsStartOptions.defaults();
        } else if (type == WtsRedirect.class) {
            return WtsRedirect.PIPE;
        } else if (type == WtsLaunchOnLogon.Options.class) {
            return WtsLaunchOnLogon.Options.defaults();
        } else if (type == WtsInfoClass.class) {
            return WtsInfoClass.INCOMING_BYTES; /* valid for counter(); any class suits queryRaw() */
        }
        return null; /* a type the sweep has no valid value for: only its null is tried */
    }

    private static List<Bad> badValues(Class<?> type) {
        List<Bad> bad = new ArrayList<>();
        if (type == int.class) {
            bad.add(new Bad("-1", -1));
            bad.add(new Bad("Integer.MIN_VALUE", Integer.MIN_VALUE));
        } else if (type == long.class) {
            bad.add(new Bad("-1", -1L));
            bad.add(new Bad("2^32", 1L << 32));
            bad.add(new Bad("0", 0L));
        } else if (type == String.class) {
            bad.add(new Bad("\"\"", ""));
            bad.add(new Bad("\"a\\0b\"", "a\0b"));
            bad.add(new Bad("100,000 chars", LONG_TEXT));
        } else if (type == List.class) {
            bad.add(new Bad("[null]", Arrays.asList((Object) null)));
            bad.add(new Bad("[\"a\\0b\"]", List.of("a\0b")));
        } else if (type == Duration.class) {
            bad.add(new Bad("-1 s", Duration.ofSeconds(-1)));
            bad.add(new Bad("10^6 days", Duration.ofDays(1_000_000)));
        }
        if (!type.isPrimitive()) {
            bad.add(new Bad("null", null));
        }
        return bad;
    }

    private static String signature(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    @Test
    void everyEntryPointEveryBadArgument() throws IOException {
        FakeWts.addSession(1, 0, "RDP-Tcp#1");
        FakeServers.reachable("x");
        FakeWts.addProcess(1, 1000, "valid.exe", null); /* the pid the valid arguments use */
        FakeChannels.offer(1, "x", false); /* the channel the valid arguments open */
        FakeChannels.offer(1, "x", true);
        Map<String, List<String>> table = new TreeMap<>();
        int tried = 0;
        List<Method> methods = new ArrayList<>();
        for (Class<?> api : API) {
            for (Method m : api.getDeclaredMethods()) {
                boolean swept = Modifier.isStatic(m.getModifiers()) || RECEIVERS.containsKey(api) && !m.getName().equals("equals");
                if (Modifier.isPublic(m.getModifiers()) && swept && !m.isSynthetic() && m.getParameterCount() > 0) {
                    methods.add(m);
                }
            }
        }
        methods.sort(Comparator.comparing(BadInputSweepTest::signature));
        for (Method m : methods) {
            Class<?>[] types = m.getParameterTypes();
            for (int p = 0; p < types.length; p++) {
                for (Bad bad : badValues(types[p])) {
                    Object[] args = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        args[i] = valid(types[i]);
                    }
                    if (m.getName().equals("startApplication")) {
                        args[0] = "C:\\valid.exe"; /* "x" is no absolute path: the one String it must not be */
                    }
                    args[p] = bad.value();
                    String where = signature(m) + " argument " + (p + 1) + " = " + bad.label();
                    if (m.getName().equals("terminateProcess")) {
                        FakeWts.addProcess(1, 1000, "valid.exe", null); /* a success removes it */
                    }
                    String outcome = call(m, args, bad, where);
                    tried++;
                    table.computeIfAbsent(signature(m), k -> new ArrayList<>())
                            .add("arg " + (p + 1) + " (" + types[p].getSimpleName() + ") " + bad.label() + " → " + outcome);
                }
            }
        }
        // The session id is a parameter of WtsServer.session(int) only (not of every query), so
        // about 100 bad calls cover the whole surface.
        assertTrue(tried > 90, "only " + tried + " bad calls were tried");
        StringBuilder md = new StringBuilder("| method | bad input → what the user gets |\n|---|---|\n");
        table.forEach((method, rows) -> md.append("| `").append(method).append("` | ")
                .append(String.join("<br>", rows)).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bad-input-table.md"), md);
        System.out.println("bad inputs tried: " + tried + " over " + table.size() + " methods (target/bad-input-table.md)");
    }

    private static String call(Method m, Object[] args, Bad bad, String where) {
        long before = FakeWts.callCount();
        Throwable thrown = null;
        try {
            Object result = m.invoke(Modifier.isStatic(m.getModifiers()) ? null : RECEIVERS.get(m.getDeclaringClass()), args);
            if (result instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (Exception e) {
            fail(where + ": " + e);
        }
        boolean nativeCall = FakeWts.callCount() != before;
        if (bad.value() == null) {
            assertTrue(thrown instanceof NullPointerException, where + " gave " + thrown);
        }
        if ("a\0b".equals(bad.value())) {
            assertTrue(thrown instanceof IllegalArgumentException, where + " gave " + thrown);
        }
        if (thrown instanceof NullPointerException || thrown instanceof IllegalArgumentException) {
            assertEquals(false, nativeCall, where + " threw " + thrown + " after a native call");
        }
        if (thrown instanceof Error) {
            fail(where + " threw an Error", thrown);
        }
        if (thrown == null) {
            return "accepted";
        }
        String message = String.valueOf(thrown.getMessage());
        if (thrown instanceof WtsException w) {
            message = "error " + w.errorCode() + " from " + w.function();
        }
        message = message.length() > 90 ? message.substring(0, 87) + "…" : message;
        return thrown.getClass().getSimpleName() + (nativeCall ? "" : " (no native call)") + ": " + message.replace("|", "\\|");
    }
}
