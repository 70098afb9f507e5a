/* Test of SecurityNative.protectDacl (jni_security.c): the DACL marked protected, asked of
 * Windows directly (GetNamedSecurityInfoW + GetSecurityDescriptorControl from mingw-w64's
 * aclapi.h), and Windows' failure for a path that does not exist mirrored as WtsException. */
#include "entries.h"

#include <aclapi.h>

typedef void(JNICALL *ProtectFn)(JNIEnv *, jclass, jobject);

/* The control bits of a path's security descriptor, read the documented way; 0 on failure. */
static DWORD control_bits(const WCHAR *path, DWORD *error) {
    PACL dacl = NULL;
    PSECURITY_DESCRIPTOR descriptor = NULL;
    *error = GetNamedSecurityInfoW(path, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, &dacl, NULL,
                                   &descriptor);
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    if (*error == 0 && !GetSecurityDescriptorControl(descriptor, &control, &revision)) {
        *error = GetLastError();
    }
    if (descriptor != NULL) {
        LocalFree(descriptor);
    }
    return control;
}

/* %TEMP%\<name> in a static buffer (overwritten by the next call). */
static WCHAR *temp_path(const WCHAR *name) {
    static WCHAR path[MAX_PATH + 64];
    DWORD n = GetTempPathW(MAX_PATH, path);
    for (int i = 0; name[i] != 0 && n < MAX_PATH + 60; i++) {
        path[n++] = name[i];
    }
    path[n] = 0;
    return path;
}

/* What this Windows does when asked directly to protect a directory's DACL: the control bits after. */
static DWORD protect_directly(const WCHAR *path, DWORD *error) {
    PACL dacl = NULL;
    PSECURITY_DESCRIPTOR descriptor = NULL;
    *error = GetNamedSecurityInfoW(path, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, &dacl, NULL,
                                   &descriptor);
    if (*error == 0) {
        *error = SetNamedSecurityInfoW((LPWSTR)path, SE_FILE_OBJECT,
                                       DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, NULL, NULL,
                                       dacl, NULL);
    }
    if (descriptor != NULL) {
        LocalFree(descriptor);
    }
    return *error == 0 ? control_bits(path, error) : 0;
}

/*
 * The shim protects one new directory, the harness protects another directly; both must end
 * with the same SE_DACL_PROTECTED bit. Windows sets it; Wine 8.0 accepts the call but does
 * not keep the bit for files (its file security is Unix mode bits), so there both read back
 * without it, and the row proves the calls and their arguments, not the bit.
 */
void test_security_protect_dacl(void *fn, jclass cls) {
    static WCHAR oracle[MAX_PATH + 64];
    WCHAR *from_oracle = temp_path(L"wts-wine-protect-oracle");
    int n = 0;
    for (; from_oracle[n] != 0; n++) {
        oracle[n] = from_oracle[n];
    }
    oracle[n] = 0;
    WCHAR *directory = temp_path(L"wts-wine-protect-d\u00e9j\u00e0-\U0001F600");
    RemoveDirectoryW(directory);
    RemoveDirectoryW(oracle);
    if (!check_true("CreateDirectoryW(two test directories in %TEMP%)",
                    CreateDirectoryW(directory, NULL) && CreateDirectoryW(oracle, NULL))) {
        return;
    }
    DWORD error = 0;
    DWORD before = control_bits(directory, &error);
    check_u32("GetNamedSecurityInfoW(the new directory), asked directly", 0, error);
    check_true("a new directory's DACL is not protected yet", (before & SE_DACL_PROTECTED) == 0);
    DWORD direct = protect_directly(oracle, &error);
    check_u32("GetNamedSecurityInfoW + SetNamedSecurityInfoW(PROTECTED_DACL), asked directly", 0, error);

    begin();
    ((ProtectFn)fn)(env, cls, nul_char_array(directory));
    leave_int(0);
    if (expect_no_throw("protectDacl(the directory)")) {
        DWORD after = control_bits(directory, &error);
        check_u32("GetNamedSecurityInfoW(the directory) after protectDacl", 0, error);
        check_u32(str("SE_DACL_PROTECTED as Windows asked directly sets it (control 0x%x, directly 0x%x)",
                      (DWORD)after, direct),
                  direct & SE_DACL_PROTECTED, after & SE_DACL_PROTECTED);
    }
    check_true("RemoveDirectoryW(the oracle directory)", RemoveDirectoryW(oracle));
    check_true("RemoveDirectoryW(the test directory)", RemoveDirectoryW(directory));

    /* The directory is gone now: Windows' own answer for it must come through. */
    PACL dacl = NULL;
    PSECURITY_DESCRIPTOR descriptor = NULL;
    DWORD missing = GetNamedSecurityInfoW(directory, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, &dacl,
                                          NULL, &descriptor);
    if (descriptor != NULL) {
        LocalFree(descriptor);
    }
    begin();
    ((ProtectFn)fn)(env, cls, nul_char_array(directory));
    leave_int(0);
    expect_mirror("protectDacl(a directory that does not exist)", missing == 0, missing, "GetNamedSecurityInfoW");

    begin();
    ((ProtectFn)fn)(env, cls, NULL);
    leave_int(0);
    expect_illegal_argument("null path: IllegalArgumentException, Windows not asked");
    begin();
    ((ProtectFn)fn)(env, cls, char_array(directory));
    leave_int(0);
    expect_illegal_argument("a char[] without its NUL: IllegalArgumentException, Windows not asked");
}
