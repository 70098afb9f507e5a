/*
 * Shared by the files holding the entry-point tests (entries.c has the table and the helpers;
 * entries_*.c the tests of the later native classes). See entries.c for how a test judges
 * the shim: Windows asked directly through the mingw-w64 declarations (or Microsoft's
 * documented prototypes where mingw-w64 has none, declared in oracle.h), never wts_abi.h.
 */
#ifndef WTS_WINE_ENTRIES_H
#define WTS_WINE_ENTRIES_H

#include "harness.h"

#include <wtsapi32.h>

#define PKG "Java_io_github_wtsbridge_internal_"

/* A server handle nobody opened: what Windows says about it must come through. */
#define UNOPENED_SERVER ((HANDLE)(ULONG_PTR)0x5EC0DE00u)
/* A session id no session has. */
#define NO_SUCH_SESSION 0x7FFF0000u
/* A handle value no object has (handle values are multiples of 4 below 2^24 or so). */
#define NO_SUCH_HANDLE ((HANDLE)(ULONG_PTR)0x7FFF0FF0u)

extern JNIEnv *env;

/* Before each call into the DLL (clears the last error, opens the native frame). */
void begin(void);
/* After it: the result as a harness-owned reference / the int, and the thrown exception. */
jobject leave_object(jobject value);
jint leave_int(jint value);
jlong leave_long(jlong value);
void print_thrown(jobject thrown);
/* The exception the last call left (harness-owned), or NULL. */
jobject last_exception(void);

/* Windows answered: the shim must not have thrown. */
int expect_no_throw(const char *what);
/* Windows failed with code: WtsException(code, function, FormatMessageW text; null for 0). */
void expect_wts_exception(const char *what, DWORD code, const char *function);
/* Windows succeeded (ok) or failed with error: either of the two above. Returns ok && no throw. */
int expect_mirror(const char *what, BOOL ok, DWORD error, const char *function);
/* The shim refused the arguments itself: IllegalArgumentException. */
int expect_illegal_argument(const char *what);
int expect_class(const char *what, jobject value, const char *type);
int expect_string(const char *what, jobject value, const WCHAR *expected, int length);
int buffer_text_length(const WCHAR *text, DWORD bytes);
/* The texts of a record native (querySessionInfo and the like): their lengths in
 * numbers[count + i], the texts one after another in the char[] units; each checked against
 * fields[i], a WCHAR array of capacities[i] units. */
void check_record_texts(const char *what, jobject numbers, int count, jobject units,
                        const WCHAR *const *fields, const int *capacities,
                        const char *const *names, int textCount);

const WCHAR *own_image_name(int *length);
DWORD own_session(void);

/* What every session query runs against: the current session by its alias and by its
 * number, a session that does not exist, and a server handle that was never opened. */
#define QUERY_CASES 4
extern HANDLE query_servers[QUERY_CASES];
extern DWORD query_sessions[QUERY_CASES];
extern const char *query_session_names[QUERY_CASES];
jlong server_arg(int queryCase);
typedef struct direct_query {
    BOOL ok;
    DWORD error;
    LPWSTR buffer;
    DWORD bytes;
} direct_query;
direct_query query_directly(int queryCase, int infoClass);

/* A Java char[] / String holding this UTF-16 text (harness-owned). The natives that take
 * names as char[] (jni_chars.h) get them NUL-terminated from Java: nul_char_array. */
jobject char_array(const WCHAR *text);
jobject nul_char_array(const WCHAR *text);
jstring java_string(const WCHAR *text);

/* The tests in entries_*.c (each: void test_x(void *fn, jclass cls)). */
#define TEST(name) void name(void *fn, jclass cls)
TEST(test_servers_open); TEST(test_servers_close); TEST(test_servers_enumerate);
TEST(test_control_logoff); TEST(test_control_disconnect); TEST(test_control_send_message);
TEST(test_control_terminate); TEST(test_control_shutdown);
TEST(test_enum_processes_ex); TEST(test_enum_sessions_ex); TEST(test_lookup_account);
TEST(test_events_init); TEST(test_events_wait); TEST(test_events_register);
TEST(test_events_unregister); TEST(test_events_register_ex); TEST(test_events_unregister_ex);
TEST(test_events_message_loop); TEST(test_events_post_quit);
TEST(test_launch_elevation_type);
TEST(test_launch_linked_token); TEST(test_launch_duplicate); TEST(test_launch_environment);
TEST(test_launch_create_process); TEST(test_launch_wait); TEST(test_launch_exit_code);
TEST(test_launch_close);
TEST(test_child_io_create_pipe); TEST(test_child_io_open_file); TEST(test_child_io_std_handle);
TEST(test_child_io_write); TEST(test_child_io_read);
TEST(test_launch_create_job); TEST(test_launch_assign_job); TEST(test_launch_resume);
TEST(test_launch_terminate);
TEST(test_tokens_query); TEST(test_tokens_session_id); TEST(test_tokens_user_sid);
TEST(test_tokens_close);
TEST(test_remote_start); TEST(test_remote_stop); TEST(test_remote_connect);
TEST(test_info_raw); TEST(test_info_long); TEST(test_info_client_display);
TEST(test_info_address); TEST(test_info_client_info); TEST(test_info_config_info);
TEST(test_info_session_info_ex);
TEST(test_userconfig_query_string); TEST(test_userconfig_query_int);
TEST(test_userconfig_query_user); TEST(test_userconfig_set_string);
TEST(test_userconfig_set_int); TEST(test_userconfig_set_user);
TEST(test_security_protect_dacl);
TEST(test_channels_open); TEST(test_channels_open_ex); TEST(test_channels_close);
TEST(test_channels_read); TEST(test_channels_write); TEST(test_channels_purge);
TEST(test_channels_query_client_data); TEST(test_channels_query_file_handle);
TEST(test_channels_duplicate); TEST(test_channels_create_event); TEST(test_channels_start_io);
TEST(test_channels_io_result); TEST(test_channels_cancel_io);
#undef TEST

/* Three children test_launch_create_process started suspended (NULL when it could not). */
extern HANDLE suspended_process[3], suspended_thread[3];

/* entries_system_dll.c: the DLL's System32 loader with and without KB2533623. */
void test_system_dll_loading(void);

/* The command line argument that makes wts-wine-test.exe a child of the start-process test:
 * it exits with CHILD_EXIT_OK when CHILD_VARIABLE holds CHILD_VALUE in its environment,
 * CHILD_EXIT_WRONG_ENVIRONMENT otherwise. */
#define CHILD_ARGUMENT "--child-of-wts-wine-test"
#define CHILD_VARIABLE L"WTS_WINE_CHILD"
#define CHILD_VALUE L"sp\u00e4ce \U0001F600"
#define CHILD_EXIT_OK 42
#define CHILD_EXIT_WRONG_ENVIRONMENT 43

#endif
