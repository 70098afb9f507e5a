package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumsAndRecordsTest {
    @Test
    void connectStatesFollowWindowsNumbering() {
        for (WtsConnectState state : WtsConnectState.values()) {
            if (state != WtsConnectState.UNKNOWN) {
                assertEquals(state, WtsConnectState.of(state.code()));
            }
        }
        assertEquals(WtsConnectState.LISTEN, WtsConnectState.of(6));
        assertEquals(WtsConnectState.UNKNOWN, WtsConnectState.of(10));
        assertEquals(WtsConnectState.UNKNOWN, WtsConnectState.of(-1));
    }

    @Test
    void protocols() {
        assertEquals(WtsProtocol.RDP, WtsProtocol.of(2));
        assertEquals(WtsProtocol.UNKNOWN, WtsProtocol.of(3));
    }

    @Test
    void clientAddressCopiesItsBytes() {
        byte[] raw = new byte[20];
        WtsClientAddress address = new WtsClientAddress(2, raw);
        raw[2] = 10;
        assertEquals(0, address.raw()[2]);
        address.raw()[2] = 10;
        assertEquals(0, address.raw()[2]);
        assertEquals(address, new WtsClientAddress(2, new byte[20]));
        assertNotEquals(address, new WtsClientAddress(23, new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> new WtsClientAddress(2, new byte[4]));
    }

    @Test
    void idleIsNeverNegative() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        WtsSessionTimes skewed = new WtsSessionTimes(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(now.plusSeconds(5)), now);
        assertEquals(Optional.of(Duration.ZERO), skewed.idle());
    }

    @Test
    void exceptionMessageCarriesTheHintFor1314() {
        WtsException e = new WtsException(1314, "WTSQueryUserToken", "A required privilege is not held by the client.");
        assertEquals(1314, e.errorCode());
        assertEquals("WTSQueryUserToken", e.function());
        assertEquals("WTSQueryUserToken failed with error 1314: A required privilege is not held by the client."
                + " (the caller must run as LocalSystem with SE_TCB_NAME, e.g. from a Windows service)", e.getMessage());
    }

    @Test
    void failureWithoutAnErrorCodeIsNotCalledSuccess() {
        WtsException e = new WtsException(0, "WTSEnumerateServersW", null);
        assertEquals("WTSEnumerateServersW failed without setting an error code (GetLastError() returned 0)", e.getMessage());
        assertEquals("", e.systemMessage());
    }

    @Test
    void privilegeHintDependsOnTheFunction() {
        WtsException shutdown = new WtsException(1314, "WTSShutdownSystem", "A required privilege is not held by the client.");
        assertEquals(true, shutdown.getMessage().endsWith("(the caller needs the SE_SHUTDOWN_NAME privilege, held by administrators)"),
                shutdown.getMessage());
        WtsException noToken = new WtsException(1008, "WTSQueryUserToken", "An attempt was made to reference a token that does not exist.");
        assertEquals(true, noToken.getMessage().endsWith("(nobody is logged on to that session)"), noToken.getMessage());
    }
}
