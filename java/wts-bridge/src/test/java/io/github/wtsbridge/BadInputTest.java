package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every bad input tried against every public method, with what the user gets. Each case
 * asserts the exception type and message, and whether the call reached the (fake) Windows
 * functions: argument errors must not. The rows are printed as the README's markdown table.
 */
class BadInputTest extends FakeTestBase {
    private record Case(String method, String input, Runnable call, Class<? extends Throwable> expected,
                        String messagePart, boolean reachesWindows) {
    }

    private static final int[] BAD_SESSION_IDS = {-1, -2, Integer.MIN_VALUE};

    private final List<Case> cases = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();

    private void add(String method, String input, Runnable call, Class<? extends Throwable> expected,
                     String messagePart, boolean reachesWindows) {
        cases.add(new Case(method, input, call, expected, messagePart, reachesWindows));
    }

    /** A session query: bad ids are refused by {@link WtsServer#session(int)}, before any native call. */
    private void sessionMethod(String name, Function<WtsSession, Object> query) {
        for (int id : BAD_SESSION_IDS) {
            add("WtsServer.session(int)", "sessionId " + id + " (for " + name + ")",
                    () -> query.apply(WtsServer.local().session(id)), IllegalArgumentException.class,
                    "session id must be 0 or more", false);
        }
        add(name, "sessionId 999 (no such session)", () -> query.apply(WtsServer.local().session(999)), WtsException.class,
                "7022", true);
    }

    @Test
    void everyBadInputGivesTheDocumentedException() {
        FakeWts.addSession(1, 0, "RDP-Tcp#1");
        FakeWts.setSessionInfo(1, 5, new byte[] {'a', 0, 'b', 0});  // UTF-16 "ab" without its NUL
        FakeWts.setSessionInfo(1, 8, new byte[0]);                 // empty DWORD reply
        FakeWts.setSessionInfo(1, 14, new byte[10]);               // truncated WTS_CLIENT_ADDRESS
        FakeWts.setSessionInfo(1, 24, new byte[100]);              // truncated WTSINFOW

        sessionMethod("WtsSession.userName()", WtsSession::userName);
        sessionMethod("WtsSession.domainName()", WtsSession::domainName);
        sessionMethod("WtsSession.clientName()", WtsSession::clientName);
        sessionMethod("WtsSession.winStationName()", WtsSession::winStationName);
        sessionMethod("WtsSession.connectState()", WtsSession::connectState);
        sessionMethod("WtsSession.clientProtocol()", WtsSession::clientProtocol);
        sessionMethod("WtsSession.clientAddress()", WtsSession::clientAddress);
        sessionMethod("WtsSession.info()", WtsSession::info);
        sessionMethod("WtsSession.times()", WtsSession::times);

        add("WtsSession.connectState()", "Windows replies 0 bytes", () -> WtsServer.local().session(1).connectState(),
                WtsException.class, "13", true);
        add("WtsSession.clientAddress()", "Windows replies 10 of 24 bytes", () -> WtsServer.local().session(1).clientAddress(),
                WtsException.class, "13", true);
        add("WtsSession.info()", "Windows replies 100 of 216 bytes", () -> WtsServer.local().session(1).info(),
                WtsException.class, "13", true);
        for (long pid : new long[] {-1, 0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            add("WtsSession.ofProcess(long)", "pid " + pid, () -> WtsSession.ofProcess(pid).id(),
                    IllegalArgumentException.class, "process id must be between 0 and 4294967295", false);
        }
        add("WtsSession.ofProcess(long)", "pid 12345 (no such process)", () -> WtsSession.ofProcess(12345).id(),
                WtsException.class, "87", true);
        add("new WtsClientAddress(int, byte[])", "raw null", () -> new WtsClientAddress(2, null),
                IllegalArgumentException.class, "20 address bytes", false);
        add("new WtsClientAddress(int, byte[])", "raw of 4 bytes", () -> new WtsClientAddress(2, new byte[4]),
                IllegalArgumentException.class, "20 address bytes", false);
        add("new WtsSessionEntry(…)", "winStationName null", () -> new WtsSessionEntry(WtsServer.local(), 1, null, WtsConnectState.ACTIVE, 0),
                NullPointerException.class, "winStationName", false);
        add("new WtsProcess(…)", "imageName null", () -> new WtsProcess(WtsServer.local(), 1, 4, null, ""),
                NullPointerException.class, "imageName", false);

        rows.add("| method | bad input | the user gets |");
        rows.add("|---|---|---|");
        for (Case c : cases) {
            long before = FakeWts.callCount();
            Throwable thrown = null;
            try {
                c.call().run();
            } catch (Throwable t) {
                thrown = t;
            }
            String where = c.method() + " with " + c.input();
            assertNotNull(thrown, where + " did not throw");
            assertInstanceOf(c.expected(), thrown, where);
            String message = thrown instanceof WtsException w ? w.errorCode() + " " + w.getMessage() : thrown.getMessage();
            assertTrue(message != null && message.contains(c.messagePart()), where + ": " + message);
            assertEquals(c.reachesWindows(), FakeWts.callCount() != before,
                    where + (c.reachesWindows() ? " should reach Windows" : " made a native call"));
            rows.add("| `" + c.method() + "` | " + c.input() + " | `" + thrown.getClass().getSimpleName() + "`: "
                    + thrown.getMessage().replace("|", "\\|") + (c.reachesWindows() ? "" : " (no native call)") + " |");
        }
        /* a string reply without its NUL is not an error: it is bounded by the byte count */
        assertEquals("ab", WtsServer.local().session(1).userName());
        rows.add("| `WtsSession.userName()` | Windows replies \"ab\" without NUL | \"ab\" (bounded by the byte count) |");
        rows.forEach(System.out::println);
    }

    @Test
    void localServerCloseIsHarmless() {
        FakeWts.addSession(1, 0, "Console");
        WtsServer local = WtsServer.local();
        local.close();
        local.close();
        assertEquals(1, local.sessions().size(), "local() needs no closing and stays usable");
    }
}
