package io.github.wtsbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wtsbridge.internal.NativeLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deliberately broken JNI (native/fake/fake_checkjni_jni.c), tagged {@code jni-misuse} and
 * excluded from the normal suite. scripts/check-jni-selftest runs it under -Xcheck:jni through
 * Maven/Surefire exactly as scripts/test runs the suite, and requires scripts/test's grep to
 * find the warnings: proof that the grep would catch a real one.
 */
@Tag("jni-misuse")
class JniMisuse {
    static {
        NativeLibrary.ensureLoaded();
    }

    static native int leakLocalRefs(int count);

    static native String skipExceptionCheck();

    static void noop() {
    }

    @Test
    void leaksLocalReferences() {
        assertEquals(200, leakLocalRefs(200));
    }

    @Test
    void forgetsExceptionCheck() {
        assertEquals("no ExceptionCheck before this call", skipExceptionCheck());
    }
}
