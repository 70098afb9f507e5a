/* JNI_OnLoad, the cached classes, exceptions and string helpers shared by the shim. */
#include "jni_util.h"

#define FORMAT_MESSAGE_IGNORE_INSERTS 0x00000200u
#define FORMAT_MESSAGE_FROM_SYSTEM 0x00001000u
#define MESSAGE_CAPACITY 512

jclass wts_class_String;
jclass wts_class_Object;
static jclass class_WtsException;
static jclass class_IllegalArgumentException;
static jmethodID ctor_WtsException;

#define MAX_UNLOAD_HOOKS 2
static wts_unload_hook unload_hooks[MAX_UNLOAD_HOOKS];

void wts_at_unload(wts_unload_hook hook) {
    for (int i = 0; i < MAX_UNLOAD_HOOKS; i++) {
        if (unload_hooks[i] == NULL || unload_hooks[i] == hook) {
            unload_hooks[i] = hook;
            return;
        }
    }
}

static jclass global_class(JNIEnv *env, const char *name) {
    jclass local = (*env)->FindClass(env, name);
    if (local == NULL) {
        return NULL; /* NoClassDefFoundError pending */
    }
    jclass global = (jclass)(*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    return global;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    wts_class_String = global_class(env, "java/lang/String");
    wts_class_Object = global_class(env, "java/lang/Object");
    class_IllegalArgumentException = global_class(env, "java/lang/IllegalArgumentException");
    class_WtsException = global_class(env, "io/github/wtsbridge/WtsException");
    if (!wts_class_String || !wts_class_Object || !class_IllegalArgumentException ||
        !class_WtsException) {
        return JNI_ERR;
    }
    ctor_WtsException = (*env)->GetMethodID(env, class_WtsException, "<init>",
                                            "(ILjava/lang/String;Ljava/lang/String;)V");
    if (ctor_WtsException == NULL) {
        return JNI_ERR;
    }
    if (wts_api_init() != 0) {
        return JNI_ERR; /* kernel32 itself unusable: System.load reports the failure */
    }
    return JNI_VERSION_1_8;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
        return;
    }
    jclass *globals[] = {&wts_class_String, &wts_class_Object, &class_IllegalArgumentException,
                         &class_WtsException};
    for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
        if (*globals[i] != NULL) {
            (*env)->DeleteGlobalRef(env, *globals[i]);
            *globals[i] = NULL;
        }
    }
    for (int i = 0; i < MAX_UNLOAD_HOOKS; i++) {
        if (unload_hooks[i] != NULL) {
            unload_hooks[i](env);
            unload_hooks[i] = NULL;
        }
    }
}

/* The system's text for a Win32 code, without the trailing line break; NULL if none. */
static jstring system_message(JNIEnv *env, DWORD code) {
    if (WTS.FormatMessageW == NULL) {
        return NULL;
    }
    WCHAR text[MESSAGE_CAPACITY];
    DWORD length = WTS.FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                      NULL, code, 0, text, MESSAGE_CAPACITY, NULL);
    if (length == 0 || length > MESSAGE_CAPACITY) {
        return NULL;
    }
    while (length > 0 && (text[length - 1] == '\r' || text[length - 1] == '\n' ||
                          text[length - 1] == ' ')) {
        length--;
    }
    return (*env)->NewString(env, text, (jsize)length);
}

void wts_throw_win32(JNIEnv *env, DWORD code, const char *function) {
    if ((*env)->ExceptionCheck(env)) {
        return; /* an earlier JNI failure (OutOfMemoryError) is the truer report */
    }
    /* Code 0: the function failed without setting one (stubs do); its "text" would be
     * "The operation completed successfully." — Java words it instead. */
    jstring message = code == 0 ? NULL : system_message(env, code);
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    jstring name = (*env)->NewStringUTF(env, function); /* our own ASCII, not Windows text */
    if (name == NULL) {
        return;
    }
    jthrowable error = (jthrowable)(*env)->NewObject(env, class_WtsException, ctor_WtsException,
                                                     (jint)code, name, message);
    (*env)->DeleteLocalRef(env, name);
    if (message != NULL) {
        (*env)->DeleteLocalRef(env, message);
    }
    if (error != NULL) {
        (*env)->Throw(env, error);
        (*env)->DeleteLocalRef(env, error);
    }
}

void wts_throw_illegal_argument(JNIEnv *env, const char *message) {
    if (!(*env)->ExceptionCheck(env)) {
        (*env)->ThrowNew(env, class_IllegalArgumentException, message);
    }
}

jstring wts_new_string(JNIEnv *env, const WCHAR *text, size_t max) {
    size_t length = text == NULL ? 0 : wts_wcsnlen(text, max);
    if (length > 0x7FFFFFFF) {
        length = 0x7FFFFFFF;
    }
    static const WCHAR empty[1] = {0};
    return (*env)->NewString(env, text == NULL ? empty : text, (jsize)length);
}

jstring wts_new_text(JNIEnv *env, wts_text text) {
    return wts_new_string(env, text.units, text.length);
}

void wts_throw_decode(JNIEnv *env, void *buffer, DWORD code, const char *function) {
    WTS.WTSFreeMemory(buffer);
    wts_throw_win32(env, code, function);
}

void *wts_alloc(size_t bytes) {
    HANDLE heap = WTS.GetProcessHeap();
    return heap == NULL ? NULL : WTS.HeapAlloc(heap, 0, bytes);
}

void wts_free(void *memory) {
    if (memory != NULL) {
        WTS.HeapFree(WTS.GetProcessHeap(), 0, memory);
    }
}

void wts_copy(void *to, const void *from, size_t bytes) {
    volatile unsigned char *out = (volatile unsigned char *)to;
    const unsigned char *in = (const unsigned char *)from;
    for (size_t i = 0; i < bytes; i++) {
        out[i] = in[i];
    }
}
