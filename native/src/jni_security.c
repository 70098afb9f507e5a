/* Natives of io.github.wtsbridge.internal.SecurityNative: the extraction directory's ACL. */
#include "jni_chars.h"

#define FN(name) Java_io_github_wtsbridge_internal_SecurityNative_##name

/*
 * Marks the DACL of a file or directory protected (SE_DACL_PROTECTED): the entries Java set
 * stay the only ones, whatever inheritable entries its parent has or gets later. Java's ACL
 * view cannot: it writes the DACL with DACL_SECURITY_INFORMATION alone. The DACL is read and
 * written back unchanged, with PROTECTED_DACL_SECURITY_INFORMATION. Both functions return
 * their Win32 error code (they do not use the last error).
 */
JNIEXPORT void JNICALL FN(protectDacl)(JNIEnv *env, jclass cls, jcharArray path) {
    (void)cls;
    WTS_REQUIRE(env, GetNamedSecurityInfoW, );
    WTS_REQUIRE(env, SetNamedSecurityInfoW, );
    WTS_REQUIRE(env, LocalFree, );
    wts_chars chars;
    int ok;
    WCHAR *name = wts_chars_get(env, path, &chars, &ok);
    if (!ok || name == NULL) {
        if (ok) {
            wts_throw_illegal_argument(env, "path is null");
        }
        return;
    }
    void *dacl = NULL, *descriptor = NULL;
    const char *function = "GetNamedSecurityInfoW";
    DWORD error = WTS.GetNamedSecurityInfoW(name, WTS_SE_FILE_OBJECT, WTS_DACL_SECURITY_INFORMATION, NULL, NULL,
                                            &dacl, NULL, &descriptor);
    if (error == 0 && dacl == NULL) {
        error = WTS_ERROR_INVALID_DATA; /* a NULL DACL grants everyone everything: never protect that */
    }
    if (error == 0) {
        function = "SetNamedSecurityInfoW";
        error = WTS.SetNamedSecurityInfoW(name, WTS_SE_FILE_OBJECT,
                                          WTS_DACL_SECURITY_INFORMATION | WTS_PROTECTED_DACL_SECURITY_INFORMATION,
                                          NULL, NULL, dacl, NULL);
    }
    if (descriptor != NULL) {
        WTS.LocalFree(descriptor);
    }
    wts_chars_release(env, &chars);
    if (error != 0) {
        wts_throw_win32(env, error, function);
    }
}
