package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeControl;
import io.github.wtsbridge.testing.FakePrivileges;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * WTSShutdownSystem on the local machine needs SE_SHUTDOWN_NAME enabled; an administrator's
 * token holds it disabled. The bridge enables it for the call and puts the old state back,
 * as shutdown.exe does (the fake refuses the local call with 1314 while it is disabled).
 */
class ShutdownPrivilegeTest extends FakeTestBase {
    private static final Set<WtsShutdownFlag> LOGOFF = Set.of(WtsShutdownFlag.LOGOFF);

    @Test
    void disabledPrivilegeIsEnabledForTheCallThenDisabledAgain() {
        assertFalse(FakePrivileges.shutdownEnabled());

        WtsServer.local().shutdown(LOGOFF);

        assertEquals("WTSShutdownSystem", FakeControl.lastCall().function());
        assertFalse(FakePrivileges.shutdownEnabled(), "the privilege was left enabled");
        assertEquals(2, FakePrivileges.adjustments(), "enable, then restore");
    }

    @Test
    void anEnabledPrivilegeStaysEnabled() {
        FakePrivileges.setShutdown(true, true, false);

        WtsServer.local().shutdown(LOGOFF);

        assertTrue(FakePrivileges.shutdownEnabled());
        assertEquals(1, FakePrivileges.adjustments(), "nothing changed, so nothing to restore");
    }

    @Test
    void aTokenWithoutThePrivilegeIsAClear1314BeforeAnyShutdown() {
        FakePrivileges.setShutdown(false, false, false);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().shutdown(LOGOFF));

        assertEquals(WtsException.ERROR_PRIVILEGE_NOT_HELD, e.errorCode());
        assertEquals("AdjustTokenPrivileges", e.function());
        assertTrue(e.getMessage().contains("SE_SHUTDOWN_NAME"), e.getMessage());
        assertEquals("", FakeControl.lastCall().function(), "WTSShutdownSystem must not be called");
    }

    @Test
    void anImpersonatingThreadGetsItsOwnTokenAdjusted() {
        FakePrivileges.setShutdown(true, false, true);

        WtsServer.local().shutdown(LOGOFF);

        assertEquals("WTSShutdownSystem", FakeControl.lastCall().function());
        assertFalse(FakePrivileges.shutdownEnabled());
    }

    @Test
    void failuresOfTheTokenCallsNameTheirFunction() {
        for (String function : new String[] {"OpenProcessToken", "LookupPrivilegeValueW", "AdjustTokenPrivileges"}) {
            FakeWts.injectError(function, WtsException.ERROR_ACCESS_DENIED, 1);
            WtsException e = assertThrows(WtsException.class,
                    () -> WtsServer.local().shutdown(LOGOFF), function);
            assertEquals(function, e.function());
            assertEquals(WtsException.ERROR_ACCESS_DENIED, e.errorCode());
        }
        FakePrivileges.setShutdown(true, false, true);
        FakeWts.injectError("OpenThreadToken", WtsException.ERROR_ACCESS_DENIED, 1);
        assertEquals("OpenThreadToken", assertThrows(WtsException.class,
                () -> WtsServer.local().shutdown(LOGOFF)).function());
        assertFalse(FakePrivileges.shutdownEnabled());
    }

    @Test
    void aFailedShutdownStillRestoresThePrivilege() {
        FakeWts.injectError("WTSShutdownSystem", WtsException.ERROR_ACCESS_DENIED, 1);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().shutdown(LOGOFF));

        assertEquals("WTSShutdownSystem", e.function());
        assertFalse(FakePrivileges.shutdownEnabled());
    }

    @Test
    void aRemoteServerIsLeftToCheckItsOwnRights() {
        FakeServers.reachable("ts1");
        try (WtsServer server = WtsServer.open("ts1")) {
            server.shutdown(LOGOFF);
        }
        assertEquals(0, FakePrivileges.adjustments());
    }
}
