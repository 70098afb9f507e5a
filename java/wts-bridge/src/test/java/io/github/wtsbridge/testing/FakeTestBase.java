package io.github.wtsbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the host JNI tests: a fresh fake world before each test, and after it the proof
 * that the shim released everything (every buffer freed with the matching function, no heap
 * block left), on the success and the error paths alike.
 */
public abstract class FakeTestBase {
    @BeforeEach
    void resetFake() {
        FakeWts.reset();
    }

    @AfterEach
    void nothingLeaked() {
        assertEquals(0, FakeWts.outstandingBuffers(), "WTS buffers not freed");
        assertEquals(0, FakeWts.misusedFrees(), "buffers freed with the wrong function");
        assertEquals(0, FakeWts.outstandingHeap(), "shim heap blocks not freed");
        assertEquals(0, FakeWts.openHandles(), "handles not closed");
    }
}
