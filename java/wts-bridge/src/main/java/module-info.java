/**
 * wts-bridge: the Windows Terminal Services (Remote Desktop Services) API for Java, with the
 * Windows DLLs inside. Only the API package is exported; {@code io.github.wtsbridge.internal}
 * (natives, loading) and {@code io.github.wtsbridge.cli} (the command-line tool, run with
 * {@code java -m io.github.wtsbridge/io.github.wtsbridge.cli.Main} or from the fat jar) are not.
 * The DLLs are resources of the module's {@code natives.*} packages, which it reads itself and
 * does not open.
 */
module io.github.wtsbridge {
    /* Optional: the library logs through SLF4J when the application's module graph holds it,
       else through System.Logger (internal/Log.java). */
    requires static org.slf4j;
    /* com.sun.nio.file.ExtendedOpenOption: the loader pins the DLL with NOSHARE_WRITE and
       NOSHARE_DELETE from its digest check to its load (internal/PinnedFile.java). */
    requires jdk.unsupported;

    exports io.github.wtsbridge;
}
