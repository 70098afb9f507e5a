package io.github.wtsbridge.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;

/**
 * A directory's DACL protection read and set through JNA (jna-platform's Advapi32), an oracle
 * independent of wts-bridge's own natives.
 */
final class JnaSecurity {
    /** SE_DACL_PROTECTED in SECURITY_DESCRIPTOR_CONTROL. */
    static final int SE_DACL_PROTECTED = 0x1000;
    private static final int SE_FILE_OBJECT = 1;
    private static final int DACL_SECURITY_INFORMATION = 0x4;
    private static final int PROTECTED_DACL_SECURITY_INFORMATION = 0x8000_0000;

    private JnaSecurity() {
    }

    /** The control bits of the path's security descriptor (a self-relative one: the WORD at offset 2). */
    static int control(Path path) {
        return withDacl(path, (dacl, descriptor) -> descriptor.getShort(2) & 0xFFFF);
    }

    private interface DaclReader {
        int read(Pointer dacl, Pointer descriptor);
    }

    /** GetNamedSecurityInfoW(path, DACL), {@code reader} on its DACL and descriptor, LocalFree. */
    private static int withDacl(Path path, DaclReader reader) {
        PointerByReference dacl = new PointerByReference();
        PointerByReference descriptor = new PointerByReference();
        int error = Advapi32.INSTANCE.GetNamedSecurityInfo(path.toString(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION,
                null, null, dacl, null, descriptor);
        if (error != 0) {
            throw new AssertionError("GetNamedSecurityInfoW(" + path + ") failed with " + error);
        }
        try {
            return reader.read(dacl.getValue(), descriptor.getValue());
        } finally {
            Kernel32.INSTANCE.LocalFree(descriptor.getValue());
        }
    }

    /** Protects the path's DACL the documented way, then returns its control bits as read back. */
    static int protectDirectly(Path path) {
        int error = withDacl(path, (dacl, descriptor) -> Advapi32.INSTANCE.SetNamedSecurityInfo(path.toString(),
                SE_FILE_OBJECT, DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, null, null, dacl, null));
        if (error != 0) {
            throw new AssertionError("SetNamedSecurityInfoW(" + path + ", PROTECTED_DACL) failed with " + error);
        }
        return control(path);
    }
}
