package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.SecurityNative;
import io.github.wtsbridge.testing.FakeSecurity;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import org.junit.jupiter.api.Test;

/**
 * SecurityNative.protectDacl (the extraction directory's DACL marked protected after the DLL
 * loads, issue 12 point 8) against the fake: the DACL read and written back with
 * PROTECTED_DACL_SECURITY_INFORMATION while its descriptor is alive, the descriptor freed with
 * LocalFree on every path (FakeTestBase checks), each failure a WtsException naming its function.
 */
class SecurityNativeTest extends FakeTestBase {
    private static final int DACL = 0x4;
    private static final int PROTECTED_DACL = 0x8000_0000;
    private static final String PATH = "C:\\Users\\J\u00FCrgen\\AppData\\Local\\Temp\\wtsbridge-1-\uD83D\uDE80";

    @Test
    void theDaclIsWrittenBackProtected() {
        SecurityNative.protectDacl(Checks.nulTerminated(PATH));
        assertEquals(1, FakeSecurity.protections());
        assertEquals(DACL | PROTECTED_DACL, FakeSecurity.lastFlags());
        assertEquals(PATH, FakeSecurity.lastPath());
        assertEquals(0, FakeSecurity.staleDacls(), "the DACL was passed after its descriptor was freed");
    }

    @Test
    void eachFailureNamesItsFunctionAndFreesTheDescriptor() {
        FakeWts.injectError("GetNamedSecurityInfoW", 5, 1);
        WtsException read = assertThrows(WtsException.class, () -> SecurityNative.protectDacl(Checks.nulTerminated(PATH)));
        assertEquals(5, read.errorCode());
        assertEquals("GetNamedSecurityInfoW", read.function());
        assertEquals(0, FakeSecurity.protections());

        FakeWts.injectError("SetNamedSecurityInfoW", 1307, 1);
        WtsException write = assertThrows(WtsException.class, () -> SecurityNative.protectDacl(Checks.nulTerminated(PATH)));
        assertEquals(1307, write.errorCode());
        assertEquals("SetNamedSecurityInfoW", write.function());

        /* "" is a path Windows cannot find */
        WtsException missing = assertThrows(WtsException.class, () -> SecurityNative.protectDacl(Checks.nulTerminated("")));
        assertEquals(2, missing.errorCode());
    }

    @Test
    void aNullDaclIsNeverProtected() {
        FakeSecurity.setNullDacl(true);
        WtsException e = assertThrows(WtsException.class, () -> SecurityNative.protectDacl(Checks.nulTerminated(PATH)));
        assertEquals(13, e.errorCode());
        assertEquals("GetNamedSecurityInfoW", e.function());
        assertEquals(0, FakeSecurity.protections(), "a NULL DACL (everyone, everything) was written back protected");
    }

    @Test
    void aMissingFunctionIs127() {
        for (String function : new String[] {"GetNamedSecurityInfoW", "SetNamedSecurityInfoW", "LocalFree"}) {
            FakeWts.reset();
            assertTrue(FakeWts.removeFunction(function), function);
            WtsException e = assertThrows(WtsException.class, () -> SecurityNative.protectDacl(Checks.nulTerminated(PATH)));
            assertEquals(127, e.errorCode(), function);
            assertEquals(function, e.function());
            assertEquals(0, FakeSecurity.protections());
        }
    }

    @Test
    void badPathsAreRefusedInC() {
        assertThrows(IllegalArgumentException.class, () -> SecurityNative.protectDacl(null));
        assertThrows(IllegalArgumentException.class, () -> SecurityNative.protectDacl(new char[] {'C', ':'}));
        assertThrows(IllegalArgumentException.class, () -> SecurityNative.protectDacl(new char[0]));
    }
}
