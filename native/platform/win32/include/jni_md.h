/*
 * jni_md.h for Windows targets, used when cross-building with clang on Linux (the JDK on the
 * build machine ships only its own platform's jni_md.h). The JNI types on Windows: jint is a
 * 32-bit long (LLP64), JNICALL is __stdcall (meaningful on x86 only), exports are dllexport.
 */
#ifndef WTSBRIDGE_WIN_JNI_MD_H
#define WTSBRIDGE_WIN_JNI_MD_H

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef long jint;
typedef long long jlong;
typedef signed char jbyte;

#endif
