/*
 * wts-wine-test: a TEST-ONLY Windows console program that loads the shipped wtsbridge.dll with
 * LoadLibraryW, calls JNI_OnLoad and every exported Java_… entry point through a JavaVM/JNIEnv
 * of its own (fake_jni.c), and compares what comes back with what Windows (here: Wine) reports
 * through other, independent means: Toolhelp32, ProcessIdToSessionId, GetUserNameW, and
 * wtsapi32 called directly with the mingw-w64 declarations (never with the shim's wts_abi.h,
 * which is what is under test).
 *
 * Like the DLL it links no C runtime: rt.c has the entry point, output and the few helpers.
 * Never shipped; built by native/wine/CMakeLists.txt for scripts/wine-test.
 */
#ifndef WTS_WINE_HARNESS_H
#define WTS_WINE_HARNESS_H

#include <windows.h>
#include <jni.h>

/* ---- rt.c: output and checks -------------------------------------------------------- */

/*
 * printf-like output to stdout (UTF-8). Conversions: %s char*, %S NUL-terminated UTF-16,
 * %W (int length, const WCHAR *) UTF-16 run, %u uint32, %d int32, %x uint32 hex,
 * %U uint64, %D int64, %p pointer, %c char, %% percent. UTF-16 text is printed as UTF-8 with
 * unpaired surrogates and controls escaped as \uXXXX, so a failure shows exact code units.
 */
void out(const char *format, ...);

/* The same formatting into a string (one of 16 rotating 320-byte buffers: use it soon). */
const char *str(const char *format, ...);

/* The entry point the following checks are about (printed with every failure). */
void check_entry(const char *entry);
const char *current_entry(void);

/* Each check counts as one pass or one failure; a failure prints entry, what, expected, actual.
 * They return the condition so that a test can stop looking at a broken result. */
int check_true(const char *what, int condition);
int check_u32(const char *what, DWORD expected, DWORD actual);
int check_u64(const char *what, ULONGLONG expected, ULONGLONG actual);
int check_text(const char *what, const WCHAR *expected, int expectedLength, const WCHAR *actual,
               int actualLength);
/* A failure with a free-form reason (no expected/actual pair). */
void fail(const char *what, const char *detail);
/* Informational line (not a check). */
#define note out

int passed_count(void);
int failed_count(void);

/* Utility. */
int ascii_length(const char *text);
int wide_length(const WCHAR *text);
int ascii_equals(const char *a, const char *b);
int wide_equals_ascii(const WCHAR *wide, int length, const char *ascii);
void *h_alloc(SIZE_T bytes); /* zeroed; the harness is short-lived and frees nothing */

/* FormatMessageW(FROM_SYSTEM) for code, trailing CR/LF/space removed; length 0 if none. */
int system_message(DWORD code, WCHAR *buffer, int capacity);

/* ---- fake_jni.c: the JavaVM/JNIEnv the DLL is driven through ------------------------ */

JavaVM *jni_vm(void);
JNIEnv *jni_env(void);

/* A class reference owned by the harness (a "Java caller"), e.g. the native's jclass. */
jclass jni_class(const char *name);

/* Brackets one native call: jni_enter opens a fresh local frame; jni_leave turns the returned
 * reference into a harness-owned one (as the VM does with a return value), deletes the
 * call's locals (catching locals kept in statics later), checks the JNI rules (no open
 * critical region, local-ref capacity), and moves a pending exception to jni_thrown(). */
void jni_enter(void);
jobject jni_leave(jobject result);
/* The exception the last call left pending (harness-owned), or NULL. */
jobject jni_thrown(void);

/* Harness-side constructors for arguments of natives (harness-owned references). */
jobject jni_new_array(char elementType, jsize length); /* 'B','I','J' … */
/* A java.nio.DirectByteBuffer over memory the harness owns (GetDirectBufferAddress gives it). */
jobject jni_new_direct_buffer(void *address, jsize capacity);
jstring jni_new_string(const WCHAR *units, jsize length);
jobject jni_new_string_array(jsize length);            /* String[] of nulls */
void jv_set_element(jobject array, int index, jobject value);

/* Looking at results (NULL/-1 when the object is not of that kind; never fails a check). */
const char *jv_class_name(jobject object);     /* "java/lang/String", "[I", "[Ljava/lang/Object;" */
int jv_array_length(jobject array);            /* -1 if not an array */
void *jv_array_data(jobject array, char elementType); /* NULL if not an array of that type */
jobject jv_array_element(jobject array, int index);   /* harness-owned; NULL for null */
const WCHAR *jv_string(jobject string, int *length);  /* NULL if not a string */
/* An object made by NewObject: its constructor signature and arguments. */
const char *jv_ctor_signature(jobject object);
LONGLONG jv_ctor_int(jobject object, int index);
jobject jv_ctor_object(jobject object, int index);
/* An object made by ThrowNew: the message (NULL for none). */
jstring jv_thrown_message(jobject object);

/* Static Java methods the DLL may look up with GetStaticMethodID (others: NoSuchMethodError),
 * and the hook CallStaticVoidMethod hands their int/long arguments to. */
typedef void (*jni_static_hook)(const char *name, const char *signature, const LONGLONG *args,
                                int count);
void jni_declare_static(const char *cls, const char *name, const char *signature);
void jni_set_static_hook(jni_static_hook hook);

/* Global references the DLL holds now (JNI_OnUnload must bring this back to zero). */
int jni_global_count(void);

/* Prints which JNIEnv functions the DLL called, and how often. */
void jni_print_usage(void);

/* ---- entries.c: the table of exported entry points ---------------------------------- */

/* Runs every row of the table against the loaded DLL; returns nothing, counts checks. */
void run_entries(HMODULE dll);

#endif
