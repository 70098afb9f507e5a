package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.wtsbridge.testing.JniExports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks each shipped wtsbridge.dll with llvm-readobj: PE machine type, exports equal to the
 * natives the Java classes declare (undecorated on x86, where the JVM could not find
 * {@code name@N}), kernel32 as the only import, unwind tables on x64/arm64, and the 45 KiB
 * size limit of the image (the file without its Authenticode certificate table).
 *
 * <p>Authenticode (scripts/sign-dlls): with {@code -Dwts.dll.signed=true} (scripts/test, the
 * release profile) each DLL must carry a certificate table, with {@code false} none; either way
 * a table present must be the file's last bytes, hold a PKCS#7 signature, and everything before
 * it must be the linker's output ({@code wts.linked.dir}) but for the two fields signing sets
 * (PE checksum, certificate table entry) and the padding to 8 bytes: same machine, exports and
 * imports.
 */
class DllBinaryTest {
    // 41 KiB: clearing the last error before each reported call (41 sites) and enabling
    // SE_SHUTDOWN_NAME for a local shutdown took x64/arm64 from 32,256 to 34,304 bytes; the
    // virtual channels (13 natives, 14 more Windows functions) from 35,840 to 39,936 (x64) and
    // 40,448 (arm64) bytes, x86 from 28,160 to 32,768. 45 KiB: a started program's standard
    // handles, its job and TerminateProcess (9 natives, 13 more Windows functions) took x64 and
    // arm64 to 44,544 bytes, x86 to 36,352.
    // It bounds the image: a signature adds a certificate chain whose size the releaser's
    // certificate authority decides (2 KiB for a self-signed certificate, several for a real chain).
    private static final long MAX_DLL_BYTES = 45 * 1024;
    private static final String SIGNED_PROPERTY = "wts.dll.signed";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "windows_32, IMAGE_FILE_MACHINE_I386",
        "windows_64, IMAGE_FILE_MACHINE_AMD64",
        "windows_arm64, IMAGE_FILE_MACHINE_ARM64"})
    void shippedDll(String arch, String machine) throws Exception {
        Path dll = Path.of(System.getProperty("wts.natives.dir"), "natives", arch, "wtsbridge.dll");
        assertTrue(Files.isRegularFile(dll), dll + " was not built");
        String dump = readobj(dll);

        assertTrue(dump.contains("Machine: " + machine), "machine type of " + dll + ":\n" + header(dump));
        assertEquals(JniExports.expected(), exports(dump), "export table of " + dll);
        assertEquals(Set.of("kernel32.dll"), imports(dump), "imported DLLs of " + dll);
        if (!arch.equals("windows_32")) { // x64/arm64 unwind through .pdata; x86 has no such table
            Matcher table = Pattern.compile("ExceptionTableSize: 0x([0-9A-Fa-f]+)").matcher(dump);
            assertTrue(table.find() && Long.parseLong(table.group(1), 16) > 0, dll + " has no unwind table (.pdata)");
        }
        byte[] file = Files.readAllBytes(dll);
        CertificateTable table = CertificateTable.of(dump);
        String expectSigned = System.getProperty(SIGNED_PROPERTY, "");
        if (expectSigned.equals("true")) {
            assertTrue(table.present(), dll + " carries no Authenticode signature (no certificate table), but -D"
                    + SIGNED_PROPERTY + "=true says the build signed it");
        } else if (expectSigned.equals("false")) {
            assertFalse(table.present(), dll + " carries a certificate table, but -D" + SIGNED_PROPERTY + "=false");
        }
        long image = file.length;
        if (table.present()) {
            checkCertificateTable(dll, file, table);
            image = table.offset();
            Path linked = Path.of(System.getProperty("wts.linked.dir"), "natives", arch, "wtsbridge.dll");
            assertTrue(Files.isRegularFile(linked), "the linker's output " + linked
                    + " (scripts/build keeps it) is missing: the signed DLL cannot be compared with it");
            checkOnlySigningChanged(dll, dump, file, table, linked);
        }
        System.out.printf("%s: image %,d B + certificate table %,d B = file %,d B (the image's limit: %,d B)%n",
                arch, image, table.size(), file.length, MAX_DLL_BYTES);
        assertTrue(image <= MAX_DLL_BYTES, dll + ": the image (without its certificate table of " + table.size()
                + " bytes) is " + image + " bytes, over " + MAX_DLL_BYTES);
    }

    /** The certificate table ends the file and holds WIN_CERTIFICATE entries, one a PKCS#7 signature. */
    private static void checkCertificateTable(Path dll, byte[] file, CertificateTable table) {
        assertTrue(table.size() > 0 && table.offset() > 0, dll + ": " + table);
        assertEquals(file.length, table.offset() + table.size(),
                dll + ": the certificate table " + table + " must be the last bytes of the " + file.length + "-byte file");
        assertEquals(0, table.offset() % 8, dll + ": the certificate table must start on 8 bytes, " + table);
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        boolean pkcs7 = false;
        long at = table.offset();
        while (at < file.length) {
            long length = Integer.toUnsignedLong(in.getInt((int) at));
            int revision = Short.toUnsignedInt(in.getShort((int) at + 4));
            int type = Short.toUnsignedInt(in.getShort((int) at + 6));
            assertTrue(length > 8 && at + length <= file.length,
                    dll + ": WIN_CERTIFICATE at " + at + " has a length of " + length);
            assertEquals(0x0200, revision, dll + ": WIN_CERTIFICATE revision at " + at);
            pkcs7 |= type == 0x0002; // WIN_CERT_TYPE_PKCS_SIGNED_DATA
            at += (length + 7) & ~7L;
        }
        assertEquals(file.length, at, dll + ": the WIN_CERTIFICATE entries must fill the table");
        assertTrue(pkcs7, dll + ": no PKCS#7 signed-data entry in the certificate table");
    }

    /**
     * The bytes before the certificate table are the linker's output, but for the PE checksum and
     * the certificate table's directory entry, plus zero padding to 8 bytes; and llvm-readobj reads
     * the same machine, exports and imports from both files.
     */
    private static void checkOnlySigningChanged(Path dll, String dump, byte[] file, CertificateTable table, Path linked)
            throws IOException, InterruptedException {
        byte[] original = Files.readAllBytes(linked);
        String linkedDump = readobj(linked);
        assertEquals(header(linkedDump), header(dump), "machine type of " + dll + " vs " + linked);
        assertEquals(exports(linkedDump), exports(dump), "exports of " + dll + " vs " + linked);
        assertEquals(imports(linkedDump), imports(dump), "imports of " + dll + " vs " + linked);
        assertFalse(CertificateTable.of(linkedDump).present(), linked + " (the linker's output) is signed");

        int image = (int) table.offset();
        assertTrue(image >= original.length && image - original.length < 8, dll + ": the certificate table starts at "
                + image + ", not at the end of the " + original.length + "-byte linker output padded to 8 bytes");
        for (int i = original.length; i < image; i++) {
            assertEquals(0, file[i], dll + ": padding byte " + i + " before the certificate table");
        }
        ByteBuffer pe = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        int optionalHeader = pe.getInt(0x3c) + 24;
        int magic = Short.toUnsignedInt(pe.getShort(optionalHeader));
        assertTrue(magic == 0x10b || magic == 0x20b, linked + ": optional header magic " + Integer.toHexString(magic));
        int checksum = optionalHeader + 64;
        int securityEntry = optionalHeader + (magic == 0x10b ? 96 : 112) + 4 * 8; // data directory 4
        assertEquals(0L, pe.getLong(securityEntry), linked + ": the linker's output has a certificate table entry");
        for (int i = 0; i < original.length; i++) {
            boolean setBySigning = (i >= checksum && i < checksum + 4) || (i >= securityEntry && i < securityEntry + 8);
            if (!setBySigning && file[i] != original[i]) {
                throw new AssertionError(dll + " differs from the linker's output " + linked + " at byte " + i
                        + " (signing may change only the checksum at " + checksum + " and the certificate table entry at "
                        + securityEntry + ")");
            }
        }
    }

    /** The certificate ("security") data directory as llvm-readobj prints it: a file offset, not an RVA. */
    record CertificateTable(long offset, long size) {
        boolean present() {
            return size != 0;
        }

        static CertificateTable of(String dump) {
            return new CertificateTable(hexField(dump, "CertificateTableRVA"), hexField(dump, "CertificateTableSize"));
        }

        private static long hexField(String dump, String name) {
            Matcher m = Pattern.compile("\\b" + name + ": 0x([0-9A-Fa-f]+)").matcher(dump);
            assertTrue(m.find(), "llvm-readobj printed no " + name);
            return Long.parseLong(m.group(1), 16);
        }
    }

    private static String readobj(Path dll) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("llvm-readobj", "--file-headers", "--coff-exports", "--coff-imports",
                dll.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "llvm-readobj failed: " + out);
        return out;
    }

    private static String header(String dump) {
        return dump.lines().filter(l -> l.contains("Machine")).findFirst().orElse(dump);
    }

    /** Names in the export table ("Export {" blocks). */
    static Set<String> exports(String dump) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("Export \\{\\s*Ordinal: \\d+\\s*Name: (\\S+)").matcher(dump);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** DLL names in the import table ("Import {" blocks). */
    static Set<String> imports(String dump) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("Import \\{\\s*Name: (\\S+)").matcher(dump);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }
}
