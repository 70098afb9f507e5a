package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loader's own SHA-256 against FIPS 180-4's examples and against the JDK's MessageDigest. */
class Sha256Test {
    private static String of(byte[] bytes) {
        Sha256 digest = new Sha256();
        digest.update(bytes, 0, bytes.length);
        return digest.hex();
    }

    private static String jdk(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theStandardsExamples() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", of(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)));
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", of(million));
    }

    @Test
    void everyLengthAroundTheBlockAndPaddingEdgesAsTheJdk() throws Exception {
        Random random = new Random(42);
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertEquals(jdk(bytes), of(bytes), "length " + length);
        }
    }

    @Test
    void piecesInAnySizeGiveTheDigestOfTheWhole() throws Exception {
        Random random = new Random(7);
        byte[] dll = new byte[45_568];
        random.nextBytes(dll);
        Sha256 inPieces = new Sha256();
        for (int at = 0; at < dll.length;) {
            int n = Math.min(dll.length - at, random.nextInt(200));
            inPieces.update(dll, at, n);
            at += n;
        }
        assertEquals(jdk(dll), inPieces.hex());

        Sha256 heap = new Sha256();
        heap.update(ByteBuffer.wrap(dll, 100, 40_000));
        Sha256 direct = new Sha256();
        ByteBuffer off = ByteBuffer.allocateDirect(40_000).put(dll, 100, 40_000).flip();
        direct.update(off);
        String expected = jdk(Arrays.copyOfRange(dll, 100, 40_100));
        assertEquals(expected, heap.hex());
        assertEquals(expected, direct.hex());
    }

    @Test
    void aSpentDigestRefusesMore() {
        Sha256 digest = new Sha256();
        digest.hex();
        assertThrows(IllegalStateException.class, () -> digest.update(new byte[1], 0, 1));
    }
}
