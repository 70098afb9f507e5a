package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.testing.FakeReplies;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every WTS_INFO_CLASS through the shim against the fake, and the whole-session snapshot. */
class SessionInfoTest extends FakeTestBase {
    private static final int S = 3;
    private static final Instant LOGON = Instant.parse("2026-11-25T07:58:12.3456789Z");
    private static final Instant CONNECT = Instant.parse("2026-11-25T07:58:10Z");
    private static final Instant INPUT = Instant.parse("2026-11-25T12:01:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T12:31:00Z");
    private static final WtsServer LOCAL = WtsServer.local();

    private static void set(WtsInfoClass c, byte[] raw) {
        FakeWts.setSessionInfo(S, c.code(), raw);
    }

    private static byte[] clientInfoReply() {
        return FakeReplies.clientInfo(new String[] {"LAPTOP-7", "CORP", "j\u00FCrgen", "C:\\Work",
            "C:\\Tools\\app.exe", "C:\\Windows\\System32\\mstsc.exe", "dev-\uD83D\uDD11"}, 3, 2,
            "10.20.30.40".getBytes(StandardCharsets.UTF_16LE), 2560, 1440, 24, 22621, 0, 1, 4, 5, 6);
    }

    @Test
    void infoClassEnumHasAllThirtyDocumentedValues() {
        assertEquals(30, WtsInfoClass.values().length);
        for (int i = 0; i < 30; i++) {
            assertEquals(i, WtsInfoClass.of(i).code());
        }
        assertEquals(WtsInfoClass.IS_REMOTE_SESSION, WtsInfoClass.of(29));
        assertEquals(WtsInfoClass.SESSION_INFO_EX, WtsInfoClass.valueOf("SESSION_INFO_EX"));
        assertThrows(IllegalArgumentException.class, () -> WtsInfoClass.of(30));
    }

    @Test
    void stringAndNumberClasses() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.INITIAL_PROGRAM, FakeWts.utf16z("C:\\Program Files\\App\\app.exe"));
        set(WtsInfoClass.APPLICATION_NAME, FakeWts.utf16z("Ledger \uD83D\uDCD2"));
        set(WtsInfoClass.WORKING_DIRECTORY, FakeWts.utf16z("D:\\\u6570\u636E"));
        set(WtsInfoClass.CLIENT_DIRECTORY, FakeWts.utf16z("C:\\Windows\\System32\\mstsc.exe"));
        set(WtsInfoClass.CLIENT_BUILD_NUMBER, FakeWts.dword(0x8000_585D)); // high bit: stays unsigned
        set(WtsInfoClass.CLIENT_PRODUCT_ID, FakeWts.ushort(0xFFFE));
        set(WtsInfoClass.CLIENT_HARDWARE_ID, FakeWts.dword(0));

        assertEquals("C:\\Program Files\\App\\app.exe", LOCAL.session(S).initialProgram());
        assertEquals("Ledger \uD83D\uDCD2", LOCAL.session(S).applicationName());
        assertEquals("D:\\\u6570\u636E", LOCAL.session(S).workingDirectory());
        assertEquals("C:\\Windows\\System32\\mstsc.exe", LOCAL.session(S).clientDirectory());
        assertEquals(S, LOCAL.session(S).reportedId());
        assertEquals(0x8000_585DL, LOCAL.session(S).clientBuildNumber());
        assertEquals(0xFFFE, LOCAL.session(S).clientProductId());
        assertEquals(0L, LOCAL.session(S).clientHardwareId());
    }

    @Test
    void clientDisplay() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.CLIENT_DISPLAY, FakeReplies.clientDisplay(3840, 2160, 16));

        WtsClientDisplay display = WtsServer.local().session(S).clientDisplay();

        assertEquals(new WtsClientDisplay(3840, 2160, 16), display);
        assertEquals(OptionalInt.of(15), display.bitsPerPixel());
        assertEquals(OptionalInt.of(32), new WtsClientDisplay(1, 1, 32).bitsPerPixel());
        assertEquals(OptionalInt.empty(), new WtsClientDisplay(1, 1, 3).bitsPerPixel());
    }

    @Test
    void clientInfoWithTextIpv4() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.CLIENT_INFO, clientInfoReply());

        WtsClientInfo c = WtsServer.local().session(S).clientInfo();

        assertEquals("LAPTOP-7", c.clientName());
        assertEquals("CORP", c.domainName());
        assertEquals("j\u00FCrgen", c.userName());
        assertEquals("C:\\Work", c.workDirectory());
        assertEquals("C:\\Tools\\app.exe", c.initialProgram());
        assertEquals(3, c.encryptionLevel());
        assertEquals(2, c.addressFamily());
        assertEquals("10.20.30.40", c.address().orElseThrow().getHostAddress());
        assertEquals(new WtsClientDisplay(2560, 1440, 24), c.display());
        assertEquals("C:\\Windows\\System32\\mstsc.exe", c.clientDirectory());
        assertEquals(22621, c.clientBuildNumber());
        assertEquals(0, c.clientHardwareId());
        assertEquals(1, c.clientProductId());
        assertEquals(4, c.outBufCountHost());
        assertEquals(5, c.outBufCountClient());
        assertEquals(6, c.outBufLength());
        assertEquals("dev-\uD83D\uDD11", c.deviceId());
    }

    @Test
    void clientInfoWithBinaryIpv6AndGarbageIpv4() throws Exception {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        byte[] v6 = InetAddress.getByName("2001:db8::7").getAddress();
        set(WtsInfoClass.CLIENT_INFO, FakeReplies.clientInfo(new String[] {"", "", "", "", "", "", ""}, 0, 23, v6,
                0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(InetAddress.getByName("2001:db8::7"), WtsServer.local().session(S).clientInfo().address().orElseThrow());

        set(WtsInfoClass.CLIENT_INFO, FakeReplies.clientInfo(new String[] {"", "", "", "", "", "", ""}, 0, 2,
                "10.0.0.256".getBytes(StandardCharsets.UTF_16LE), 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(Optional.empty(), WtsServer.local().session(S).clientInfo().address(), "no name lookup, no bad address");
    }

    @Test
    void sessionInfoExWithLockState() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.SESSION_INFO_EX, FakeReplies.sessionInfoEx(1, S, 0, 0, "RDP-Tcp#7", "alice\uD83D\uDE00",
                "CORP", LOGON, CONNECT, null, INPUT, NOW, 1000, 2000, 30, 40, 500, 600));

        WtsSessionInfoEx ex = WtsServer.local().session(S).infoEx();

        assertEquals(S, ex.sessionId());
        assertEquals(WtsConnectState.ACTIVE, ex.state());
        assertEquals(WtsLockState.LOCKED, ex.lockState()); // Linux: no Windows 7 inversion
        assertEquals(0, ex.sessionFlags());
        assertEquals("RDP-Tcp#7", ex.winStationName());
        assertEquals("alice\uD83D\uDE00", ex.userName());
        assertEquals("CORP", ex.domainName());
        assertEquals(Optional.of(LOGON), ex.times().logon());
        assertEquals(Optional.of(CONNECT), ex.times().connect());
        assertEquals(Optional.empty(), ex.times().disconnect());
        assertEquals(Duration.ofMinutes(30), ex.times().idle().orElseThrow());
        assertEquals(NOW, ex.times().current());
        assertEquals(new WtsSessionCounters(1000, 2000, 30, 40, 500, 600), ex.counters());

        set(WtsInfoClass.SESSION_INFO_EX, FakeReplies.sessionInfoEx(1, S, 0, 1, "", "", "", null, null, null,
                null, NOW, 0, 0, 0, 0, 0, 0));
        assertEquals(WtsLockState.UNLOCKED, WtsServer.local().session(S).lockState());
        set(WtsInfoClass.SESSION_INFO_EX, FakeReplies.sessionInfoEx(1, S, 0, -1, "", "", "", null, null, null,
                null, NOW, 0, 0, 0, 0, 0, 0));
        assertEquals(WtsLockState.UNKNOWN, LOCAL.session(S).lockState());
    }

    @Test
    void lockStateInversionOnWindows7() {
        assertEquals(WtsLockState.LOCKED, WtsLockState.fromSessionFlags(0, "Windows 10", "10.0"));
        assertEquals(WtsLockState.UNLOCKED, WtsLockState.fromSessionFlags(1, "Windows Server 2019", "10.0"));
        assertEquals(WtsLockState.UNLOCKED, WtsLockState.fromSessionFlags(0, "Windows 7", "6.1"));
        assertEquals(WtsLockState.LOCKED, WtsLockState.fromSessionFlags(1, "Windows Server 2008 R2", "6.1"));
        assertEquals(WtsLockState.LOCKED, WtsLockState.fromSessionFlags(0, "Windows Server 2008", "6.0"));
        assertEquals(WtsLockState.LOCKED, WtsLockState.fromSessionFlags(0, "Linux", "6.1"));
        assertEquals(WtsLockState.UNKNOWN, WtsLockState.fromSessionFlags(0xFFFF_FFFF, "Windows 7", "6.1"));
        assertEquals(WtsLockState.UNKNOWN, WtsLockState.fromSessionFlags(7, "Windows 11", "10.0"));
    }

    @Test
    void sessionInfoExOfAnotherLevelIsInvalidData() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.SESSION_INFO_EX, FakeReplies.sessionInfoEx(2, S, 0, 0, "", "", "", null, null, null,
                null, NOW, 0, 0, 0, 0, 0, 0));
        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(S).infoEx());
        assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode());
    }

    @Test
    void shortRepliesAreInvalidDataAndFreed() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.CLIENT_INFO, new byte[2303]);
        set(WtsInfoClass.CONFIG_INFO, new byte[1667]);
        set(WtsInfoClass.SESSION_INFO_EX, new byte[231]);
        set(WtsInfoClass.CLIENT_DISPLAY, new byte[11]);
        set(WtsInfoClass.SESSION_ADDRESS_V4, new byte[23]);
        set(WtsInfoClass.CLIENT_BUILD_NUMBER, new byte[0]);
        for (Executable query : new Executable[] {() -> WtsServer.local().session(S).clientInfo(), () -> LOCAL.session(S).configInfo(),
            () -> WtsServer.local().session(S).infoEx(), () -> WtsServer.local().session(S).clientDisplay(), () -> LOCAL.session(S).sessionAddressV4(),
            () -> LOCAL.session(S).clientBuildNumber()}) {
            WtsException e = assertThrows(WtsException.class, query);
            assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode());
            assertEquals("WTSQuerySessionInformationW", e.function());
        }
    }

    @Test
    void configInfo() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.CONFIG_INFO, FakeReplies.configInfo(1, 1, 0, 1, 0, 2, "alice", "CORP", "C:\\Users\\alice",
                "C:\\Apps\\start.cmd", "\u00C6pp \uD83D\uDE80"));

        WtsConfigInfo c = LOCAL.session(S).configInfo();

        assertEquals(new WtsConfigInfo(1, true, false, true, false, WtsShadowMode.INPUT_NO_NOTIFY, 2, "alice", "CORP",
                "C:\\Users\\alice", "C:\\Apps\\start.cmd", "\u00C6pp \uD83D\uDE80"), c);
        set(WtsInfoClass.CONFIG_INFO, FakeReplies.configInfo(1, 0, 0, 0, 0, 9, "", "", "", "", ""));
        assertEquals(WtsShadowMode.UNKNOWN, LOCAL.session(S).configInfo().shadow());
        assertEquals(9, LOCAL.session(S).configInfo().rawShadowSettings());
    }

    /** A text of a field's full length (to be written without a NUL): first, then letters. */
    private static String full(char first, int units) {
        StringBuilder b = new StringBuilder(units).append(first);
        while (b.length() < units) {
            b.append((char) ('a' + b.length() % 26));
        }
        return b.toString();
    }

    /** Writes text's units into raw at offset (no NUL: the field is full). */
    private static void fill(byte[] raw, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            raw[offset + 2 * i] = (byte) text.charAt(i);
            raw[offset + 2 * i + 1] = (byte) (text.charAt(i) >> 8);
        }
    }

    @Test
    void everyRecordTextAtItsFieldsFullLengthComesBackWhole() {
        // The record natives copy the texts into a char[] Java sizes to the sum of the WCHAR
        // arrays (SessionsNative / SessionInfoNative *_TEXT_UNITS): texts without a NUL fill them.
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        String station = full('\u03BB', 32);
        String domain = full('D', 17);
        String user = full('U', 21);
        set(WtsInfoClass.SESSION_INFO, FakeWts.sessionInfo(0, S, new long[6], station, domain, user, null, null, null,
                null, NOW));
        WtsSessionInfo info = LOCAL.session(S).info();
        assertEquals(List.of(station, domain, user), List.of(info.winStationName(), info.domainName(), info.userName()));

        byte[] ex = FakeReplies.sessionInfoEx(1, S, 0, 0, "", "", "", null, null, null, null, NOW, 0, 0, 0, 0, 0, 0);
        String[] exTexts = {full('W', 33), full('\u00FC', 21), full('N', 18)};
        fill(ex, 20, exTexts[0]);
        fill(ex, 86, exTexts[1]);
        fill(ex, 128, exTexts[2]);
        set(WtsInfoClass.SESSION_INFO_EX, ex);
        WtsSessionInfoEx infoEx = LOCAL.session(S).infoEx();
        assertEquals(List.of(exTexts), List.of(infoEx.winStationName(), infoEx.userName(), infoEx.domainName()));

        byte[] client = FakeReplies.clientInfo(new String[] {"", "", "", "", "", "", ""}, 0, 0, new byte[0], 0, 0, 0,
                0, 0, 0, 0, 0, 0);
        int[] clientOffsets = {0, 42, 78, 120, 642, 1240, 1780};
        int[] clientUnits = {21, 18, 21, 261, 261, 261, 261};
        String[] clientTexts = new String[7];
        for (int i = 0; i < 7; i++) {
            clientTexts[i] = full((char) ('\u4E00' + i), clientUnits[i]);
            fill(client, clientOffsets[i], clientTexts[i]);
        }
        set(WtsInfoClass.CLIENT_INFO, client);
        WtsClientInfo c = LOCAL.session(S).clientInfo();
        assertEquals(List.of(clientTexts), List.of(c.clientName(), c.domainName(), c.userName(), c.workDirectory(),
                c.initialProgram(), c.clientDirectory(), c.deviceId()));

        byte[] config = FakeReplies.configInfo(1, 0, 0, 0, 0, 0, "", "", "", "", "");
        int[] configOffsets = {24, 66, 102, 624, 1146};
        int[] configUnits = {21, 18, 261, 261, 261};
        String[] configTexts = new String[5];
        for (int i = 0; i < 5; i++) {
            configTexts[i] = full((char) ('A' + i), configUnits[i]);
            fill(config, configOffsets[i], configTexts[i]);
        }
        set(WtsInfoClass.CONFIG_INFO, config);
        WtsConfigInfo k = LOCAL.session(S).configInfo();
        assertEquals(List.of(configTexts), List.of(k.logonUserName(), k.logonDomain(), k.workDirectory(),
                k.initialProgram(), k.applicationName()));
    }

    @Test
    void sessionAddressV4AndIsRemoteSession() throws Exception {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        FakeWts.setCurrentProcess(4242, S); // WTSIsRemoteSession answers for the caller's session only
        set(WtsInfoClass.SESSION_ADDRESS_V4, FakeWts.clientAddress(2, new byte[] {(byte) 192, (byte) 168, 7, 9}, 2));
        set(WtsInfoClass.IS_REMOTE_SESSION, FakeReplies.oneByte(1));

        assertEquals(InetAddress.getByName("192.168.7.9"), LOCAL.session(S).sessionAddressV4().orElseThrow());
        assertTrue(WtsServer.local().session(S).isRemote());
        set(WtsInfoClass.IS_REMOTE_SESSION, FakeReplies.oneByte(0));
        assertFalse(WtsServer.local().session(S).isRemote());
    }

    @Test
    void sessionAddressV4WithoutVirtualIpIsNotSupported() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        WtsException e = assertThrows(WtsException.class, () -> LOCAL.session(S).sessionAddressV4());
        assertEquals(WtsException.ERROR_NOT_SUPPORTED, e.errorCode());
    }

    @Test
    void legacyTimeAndCounterClassesFailWithNotSupportedButDecodeIfAnswered() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        for (Executable query : new Executable[] {() -> LOCAL.session(S).idleTime(),
            () -> LOCAL.session(S).logonTime(), () -> LOCAL.session(S).counter(WtsInfoClass.INCOMING_BYTES),
            () -> LOCAL.session(S).counter(WtsInfoClass.OUTGOING_FRAMES)}) {
            assertEquals(WtsException.ERROR_NOT_SUPPORTED, assertThrows(WtsException.class, query).errorCode());
        }
        set(WtsInfoClass.IDLE_TIME, FakeReplies.qword(Duration.ofMinutes(5).toNanos() / 100));
        set(WtsInfoClass.LOGON_TIME, FakeReplies.qword(FileTimes.fromInstant(LOGON)));
        set(WtsInfoClass.OUTGOING_BYTES, FakeWts.dword(0xFFFF_FFFF));
        assertEquals(Duration.ofMinutes(5), LOCAL.session(S).idleTime());
        assertEquals(LOGON, LOCAL.session(S).logonTime());
        assertEquals(0xFFFF_FFFFL, LOCAL.session(S).counter(WtsInfoClass.OUTGOING_BYTES));
        long calls = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> LOCAL.session(S).counter(WtsInfoClass.USER_NAME));
        assertThrows(NullPointerException.class, () -> LOCAL.session(S).counter(null));
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void rawQueryOfAnyClass() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.OEM_ID, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, LOCAL.session(S).queryRaw(WtsInfoClass.OEM_ID));
        assertArrayEquals(FakeWts.utf16z("RDP-Tcp#7"), LOCAL.session(S).queryRaw(WtsInfoClass.WIN_STATION_NAME));
        WtsException e = assertThrows(WtsException.class, () -> LOCAL.session(S).queryRaw(WtsInfoClass.VALIDATION_INFO));
        assertEquals(WtsException.ERROR_NOT_SUPPORTED, e.errorCode());
    }

    @Test
    void failuresReachJavaWithTheFunctionName() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        WtsException gone = assertThrows(WtsException.class, () -> WtsServer.local().session(99).clientInfo());
        assertEquals(WtsException.ERROR_CTX_WINSTATION_NOT_FOUND, gone.errorCode());
        assertEquals("WTSQuerySessionInformationW", gone.function());
        for (int code : new int[] {5, 87, 1722}) {
            FakeWts.injectError("WTSQuerySessionInformationW", code, 1);
            WtsException e = assertThrows(WtsException.class, () -> LOCAL.session(S).configInfo());
            assertEquals(code, e.errorCode());
            assertEquals("WTSQuerySessionInformationW", e.function());
        }
        FakeServers.script("far", FakeServers.UNREACHABLE);
        try (WtsServer far = WtsServer.open("far")) {
            assertEquals(1722, assertThrows(WtsException.class, () -> far.session(S).infoEx()).errorCode());
        }
    }

    @Test
    void badArgumentsMakeNoNativeCall() {
        long calls = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).clientInfo());
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-2).snapshot());
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).isRemote());
        assertThrows(NullPointerException.class, () -> LOCAL.session(1).queryRaw(null));
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void snapshotReadsEveryClassAndLeavesUnsupportedOnesEmpty() throws Exception {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.USER_NAME, FakeWts.utf16z("alice"));
        set(WtsInfoClass.DOMAIN_NAME, FakeWts.utf16z("CORP"));
        set(WtsInfoClass.CLIENT_NAME, FakeWts.utf16z("LAPTOP-7"));
        set(WtsInfoClass.CLIENT_PROTOCOL_TYPE, FakeWts.ushort(2));
        set(WtsInfoClass.CLIENT_ADDRESS, FakeWts.clientAddress(2, new byte[] {10, 20, 30, 40}, 2));
        set(WtsInfoClass.CLIENT_DISPLAY, FakeReplies.clientDisplay(1920, 1080, 32));
        set(WtsInfoClass.CLIENT_BUILD_NUMBER, FakeWts.dword(22621));
        set(WtsInfoClass.CLIENT_INFO, clientInfoReply());
        set(WtsInfoClass.SESSION_INFO, FakeWts.sessionInfo(0, S, new long[] {1, 2, 3, 4, 5, 6}, "RDP-Tcp#7", "CORP",
                "alice", CONNECT, null, INPUT, LOGON, NOW));
        set(WtsInfoClass.SESSION_INFO_EX, FakeReplies.sessionInfoEx(1, S, 0, 1, "RDP-Tcp#7", "alice", "CORP", LOGON,
                CONNECT, null, INPUT, NOW, 1, 2, 3, 4, 5, 6));
        set(WtsInfoClass.IS_REMOTE_SESSION, FakeReplies.oneByte(1));
        FakeWts.setCurrentProcess(4242, S); // the snapshot asks WTSIsRemoteSession only of our own session

        WtsSessionSnapshot s = WtsServer.local().session(S).snapshot();

        assertEquals(S, s.sessionId());
        assertEquals(Optional.of("alice"), s.userName());
        assertEquals(Optional.of("CORP"), s.domainName());
        assertEquals(Optional.of("RDP-Tcp#7"), s.winStationName());
        assertEquals(Optional.of(WtsConnectState.ACTIVE), s.connectState());
        assertEquals(Optional.of("LAPTOP-7"), s.clientName());
        assertEquals(Optional.of(WtsProtocol.RDP), s.clientProtocol());
        assertEquals(InetAddress.getByName("10.20.30.40"), s.clientAddress().orElseThrow().address().orElseThrow());
        assertEquals(Optional.of(new WtsClientDisplay(1920, 1080, 32)), s.clientDisplay());
        assertEquals(OptionalLong.of(22621), s.clientBuildNumber());
        assertEquals("LAPTOP-7", s.clientInfo().orElseThrow().clientName());
        assertEquals("alice", s.info().orElseThrow().userName());
        assertEquals(WtsLockState.UNLOCKED, s.infoEx().orElseThrow().lockState());
        assertEquals(Optional.of(true), s.isRemoteSession());
        // not scripted → ERROR_NOT_SUPPORTED from the fake → empty, not a failure
        assertEquals(Optional.empty(), s.initialProgram());
        assertEquals(Optional.empty(), s.applicationName());
        assertEquals(Optional.empty(), s.workingDirectory());
        assertEquals(Optional.empty(), s.clientDirectory());
        assertEquals(OptionalInt.empty(), s.clientProductId());
        assertEquals(OptionalLong.empty(), s.clientHardwareId());
        assertEquals(Optional.empty(), s.configInfo());
        assertEquals(Optional.empty(), s.sessionAddressV4());

        // Older Windows versions answer 87 or 120 for a class they do not know: empty too.
        set(WtsInfoClass.INITIAL_PROGRAM, FakeWts.utf16z("app.exe"));
        assertEquals(Optional.of("app.exe"), WtsServer.local().session(S).snapshot().initialProgram());
        // Code 0 is a class that fails without saying why (Wine's stubs for every class but three).
        for (int code : new int[] {87, 120, FakeWts.FAIL_WITHOUT_ERROR}) {
            FakeWts.setLastError(WtsException.ERROR_ACCESS_DENIED); // stale: must not fail the snapshot
            FakeWts.injectError("WTSQuerySessionInformationW", code, 1); // the first query: WTSInitialProgram
            WtsSessionSnapshot partial = WtsServer.local().session(S).snapshot();
            assertEquals(Optional.empty(), partial.initialProgram());
            assertEquals(Optional.of("alice"), partial.userName());
        }
    }

    @Test
    void snapshotOfAVanishedSessionFails() {
        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(42).snapshot());
        assertEquals(WtsException.ERROR_CTX_WINSTATION_NOT_FOUND, e.errorCode());
    }

    @Test
    void snapshotFailsOnAccessDeniedOrAnUnreachableServer() {
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        FakeWts.injectError("WTSQuerySessionInformationW", 5, 1);
        assertEquals(5, assertThrows(WtsException.class, () -> WtsServer.local().session(S).snapshot()).errorCode());
        try (WtsServer far = WtsServer.open("unscripted.example")) {
            assertEquals(1722, assertThrows(WtsException.class, () -> far.session(S).snapshot()).errorCode());
        }
    }

    @Test
    void snapshotOnARemoteServerSkipsIsRemoteSession() {
        FakeServers.reachable("rdsh01");
        FakeWts.addSession(S, 0, "RDP-Tcp#7");
        set(WtsInfoClass.IS_REMOTE_SESSION, FakeReplies.oneByte(1));
        try (WtsServer server = WtsServer.open("rdsh01")) {
            WtsSessionSnapshot s = server.session(S).snapshot();
            assertEquals(Optional.empty(), s.isRemoteSession());
            assertEquals(Optional.of("RDP-Tcp#7"), s.winStationName());
            assertEquals("rdsh01", FakeServers.lastServer());
        }
    }
}
