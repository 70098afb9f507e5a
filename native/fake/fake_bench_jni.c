/*
 * BENCH-ONLY: natives of io.github.wtsbridge.bench.FakeData (bench/), so the JMH benchmarks
 * of wts-bridge script the fake through JNI, without loading JNA. Thin calls into the C API
 * of fake_exports.c; host build only.
 */
#include <jni.h>

#include "fake.h"

#define FN(name) Java_io_github_wtsbridge_bench_FakeData_##name

void wtsfake_reset(void);
void wtsfake_generate_processes(int32_t count, int32_t sessions);
void wtsfake_generate_sessions(int32_t count);
void wtsfake_set_current_process(uint32_t pid, uint32_t session);
int64_t wtsfake_outstanding_buffers(void);

JNIEXPORT void JNICALL FN(reset)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    wtsfake_reset();
}

JNIEXPORT void JNICALL FN(generateProcesses)(JNIEnv *env, jclass cls, jint count, jint sessions) {
    (void)env, (void)cls;
    wtsfake_generate_processes(count, sessions);
}

JNIEXPORT void JNICALL FN(generateSessions)(JNIEnv *env, jclass cls, jint count) {
    (void)env, (void)cls;
    wtsfake_generate_sessions(count);
}

JNIEXPORT void JNICALL FN(setCurrentProcess)(JNIEnv *env, jclass cls, jint pid, jint session) {
    (void)env, (void)cls;
    wtsfake_set_current_process((uint32_t)pid, (uint32_t)session);
}

JNIEXPORT jlong JNICALL FN(outstandingBuffers)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return wtsfake_outstanding_buffers();
}
