package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeControl;
import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeReplies;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The documented Windows semantics users trip on (issue 12, point 10), as far as the fake
 * models them: WTSIsRemoteSession answers for the caller's session only, the pre-2012 IPv6
 * client address, WTSSendMessage without wait, and session notifications from session 0.
 */
class SemanticsTest extends FakeTestBase {
    private static final int CALLER = 1;
    private static final int OTHER = 5;

    private static void setRemote(int session, boolean remote) {
        FakeWts.setSessionInfo(session, WtsInfoClass.IS_REMOTE_SESSION.code(), FakeReplies.oneByte(remote ? 1 : 0));
    }

    @Test
    void isRemoteSessionAnswersForTheCallersSessionOnly() {
        FakeWts.addSession(CALLER, 0, "Console");
        FakeWts.addSession(OTHER, 0, "RDP-Tcp#3");
        FakeWts.setCurrentProcess(4242, CALLER);
        setRemote(CALLER, false);
        setRemote(OTHER, true);

        // Windows (and the fake) give the caller's answer whatever id is named: the trap.
        assertArrayEquals(new byte[] {0},
                WtsServer.local().session(OTHER).queryRaw(WtsInfoClass.IS_REMOTE_SESSION));
        // So the bridge refuses another id before asking, and says what to use instead...
        long calls = FakeWts.callCount();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> WtsServer.local().session(OTHER).isRemote());
        assertTrue(e.getMessage().contains("caller's own session only") && e.getMessage().contains("clientProtocol()"),
                e.getMessage());
        assertEquals(calls + 2, FakeWts.callCount(), "only GetCurrentProcessId + ProcessIdToSessionId, no WTS query");
        // ...and answers for its own session, by id or without one.
        assertFalse(WtsServer.local().session(CALLER).isRemote());
        assertFalse(WtsSession.current().isRemote());
        FakeWts.setCurrentProcess(4242, OTHER);
        assertTrue(WtsSession.current().isRemote());
        assertTrue(WtsServer.local().session(OTHER).isRemote());
        // A snapshot of another session leaves the field empty instead of answering for ours.
        assertEquals(Optional.empty(), WtsServer.local().session(CALLER).snapshot().isRemoteSession());
        assertEquals(Optional.of(true), WtsServer.local().session(OTHER).snapshot().isRemoteSession());
    }

    @Test
    void ipv6ClientAddressFromAHostBeforeWindows8IsNotGuessed() throws Exception {
        // Microsoft KB 951422: fe80::385f:e84b:ac02:f69c as a Windows Server 2008 (R2) host reports it.
        byte[] kb951422 = HexFormat.of().parseHex("0000fe800000385fe84bac02f69c000000000000");
        FakeWts.addSession(OTHER, 0, "RDP-Tcp#3");
        FakeWts.setSessionInfo(OTHER, WtsInfoClass.CLIENT_ADDRESS.code(),
                FakeWts.clientAddress(WtsClientAddress.FAMILY_INET6, kb951422, 0));
        WtsClientAddress reply = WtsServer.local().session(OTHER).clientAddress();
        assertArrayEquals(kb951422, reply.raw());
        assertEquals(Optional.empty(), reply.address("Windows Server 2008 R2", "6.1"));
        assertEquals(Optional.empty(), reply.address("Windows 7", "6.1"));
        assertEquals(Optional.empty(), reply.address("Windows Server 2008", "6.0"));
        // read as Windows 8 / 2012+ lays it out, the same bytes are another address: why it is refused above
        assertEquals(InetAddress.getByName("0:fe80:0:385f:e84b:ac02:f69c:0"), reply.address().orElseThrow());

        byte[] current = HexFormat.of().parseHex("fe80000000000000385fe84bac02f69c00000000");
        WtsClientAddress modern = new WtsClientAddress(WtsClientAddress.FAMILY_INET6, current);
        InetAddress fe80 = InetAddress.getByName("fe80::385f:e84b:ac02:f69c");
        assertEquals(Optional.of(fe80), modern.address("Windows Server 2012", "6.2"));
        assertEquals(Optional.of(fe80), modern.address("Windows 10", "10.0"));
        assertEquals(Optional.of(fe80), modern.address());
        // IPv4 sits at Address[2] on every version
        WtsClientAddress v4 = new WtsClientAddress(WtsClientAddress.FAMILY_INET,
                HexFormat.of().parseHex("0000c0a80001000000000000000000000000000000".substring(0, 40)));
        assertEquals(Optional.of(InetAddress.getByName("192.168.0.1")), v4.address("Windows Server 2008 R2", "6.1"));
        assertEquals(v4.address(), v4.address("Windows 10", "10.0"));
    }

    @Test
    void sendMessageWithoutWaitReturnsAtOnceWhateverTheTimeout() {
        FakeWts.addSession(OTHER, 0, "RDP-Tcp#3");
        FakeControl.setMessageResponse(WtsMessageResponse.YES.code());
        long start = System.nanoTime();
        WtsMessageReply reply = WtsServer.local().session(OTHER).sendMessage("Update", "Restart now?", WtsMessageStyle.of(WtsMessageStyle.Buttons.YES_NO), Duration.ofMinutes(10), false);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "did not return at once");
        assertEquals(WtsMessageResponse.ASYNC, reply.response(), "the user's YES is never seen without wait");
        FakeControl.Call call = FakeControl.lastCall();
        assertFalse(call.waited());
        assertEquals(600, call.timeoutSeconds(), "the timeout still reaches Windows");
        // with wait, the same call gets the user's answer
        assertEquals(WtsMessageResponse.YES, WtsServer.local().session(OTHER).sendMessage("Update", "Restart now?", WtsMessageStyle.of(WtsMessageStyle.Buttons.YES_NO), Duration.ofMinutes(10), true).response());
    }

    @Test
    void aServiceInSessionZeroHearsUsersOnlyWithAllSessions() throws Exception {
        FakeWts.setCurrentProcess(4242, 0); // a service
        List<WtsSessionChange> thisSession = new CopyOnWriteArrayList<>();
        List<WtsSessionChange> allSessions = new CopyOnWriteArrayList<>();
        try (WtsSessionSubscription own = WtsSessionSubscription.open(WtsSessionScope.THIS_SESSION, thisSession::add);
             WtsSessionSubscription all = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, allSessions::add)) {
            assertEquals(1, FakeEvents.sessionChange(5, 1)); // WTS_SESSION_LOGON in session 1: only ALL hears it
            assertEquals(1, FakeEvents.sessionChange(7, 2)); // WTS_SESSION_LOCK in session 2
            assertTrue(FakeEvents.await(() -> allSessions.size() == 2, Duration.ofSeconds(10)), "delivered: " + allSessions);
        }
        assertEquals(List.of(), thisSession, "THIS_SESSION from session 0 hears no user's session");
        assertEquals(List.of(WtsSessionChange.of(5, 1), WtsSessionChange.of(7, 2)), allSessions);
    }
}
