/* TEST-ONLY: what the fake's JUnit hooks (the native/fake *_jni.c files) share. */
#ifndef WTS_FAKE_JNI_UTIL_H
#define WTS_FAKE_JNI_UTIL_H

#include <jni.h>

#include "fake.h"

/* A malloc'ed NUL-terminated UTF-16 copy of a Java string (NULL for null or out of memory). */
WCHAR *fake_java_string(JNIEnv *env, jstring text);

#endif /* WTS_FAKE_JNI_UTIL_H */
