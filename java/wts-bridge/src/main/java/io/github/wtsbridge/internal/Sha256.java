package io.github.wtsbridge.internal;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) for the loader's digest checks. Why not {@code MessageDigest}: its first
 * use loads the JDK's security providers (the {@code java.security} file, the SUN provider and
 * their classes), 40–50 ms of a cold start that otherwise only extracts and loads a 45 KB DLL
 * ({@code scripts/bench}, cold start). The digests are of public bytes (our DLLs), so timing does
 * not matter here; {@code Sha256Test} holds it to the standard's vectors and to MessageDigest.
 * One instance per digest, not thread-safe.
 */
final class Sha256 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private final int[] state = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    private final int[] schedule = new int[64];
    private final byte[] block = new byte[64];
    private int filled;
    private long length;
    private boolean finished;

    void update(byte[] bytes, int offset, int count) {
        if (finished) {
            throw new IllegalStateException("digest already taken");
        }
        length += count;
        while (count > 0) {
            int n = Math.min(count, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            count -= n;
            if (filled == block.length) {
                compress();
                filled = 0;
            }
        }
    }

    /** Consumes the buffer's remaining bytes (a heap buffer's array, or copied through a small one). */
    void update(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(buffer.remaining(), 4096)];
        while (buffer.hasRemaining()) {
            int n = Math.min(chunk.length, buffer.remaining());
            buffer.get(chunk, 0, n);
            update(chunk, 0, n);
        }
    }

    /** The digest of everything given, as 64 lowercase hex digits; the instance is then spent. */
    String hex() {
        long bits = length * 8;
        // 0x80, zeros up to 56 mod 64, then the length in bits, big-endian.
        int padding = (filled < 56 ? 56 : 120) - filled;
        byte[] tail = new byte[padding + 8];
        tail[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            tail[tail.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        update(tail, 0, tail.length);
        finished = true;
        byte[] digest = new byte[32];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) (state[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return HexFormat.of().formatHex(digest);
    }

    private void compress() {
        int[] w = schedule;
        for (int i = 0; i < 16; i++) {
            w[i] = (block[4 * i] << 24) | ((block[4 * i + 1] & 0xff) << 16) | ((block[4 * i + 2] & 0xff) << 8)
                    | (block[4 * i + 3] & 0xff);
        }
        for (int i = 16; i < 64; i++) {
            int s0 = Integer.rotateRight(w[i - 15], 7) ^ Integer.rotateRight(w[i - 15], 18) ^ (w[i - 15] >>> 3);
            int s1 = Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int i = 0; i < 64; i++) {
            int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int choose = (e & f) ^ (~e & g);
            int t1 = h + sum1 + choose + K[i] + w[i];
            int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int majority = (a & b) ^ (a & c) ^ (b & c);
            int t2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
