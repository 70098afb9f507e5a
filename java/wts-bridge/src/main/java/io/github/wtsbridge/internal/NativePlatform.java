package io.github.wtsbridge.internal;

import java.util.Locale;
import java.util.function.Function;

/**
 * The OS and architecture a DLL is needed for ({@code os.name}, {@code os.arch}), and the jar
 * folder holding it: {@code natives/windows_32/}, {@code natives/windows_64/} or
 * {@code natives/windows_arm64/}. Asked only when the bundled DLL is used, so a pre-installed
 * library ({@value NativeLibrary#PATH_PROPERTY}) loads on any platform (the Linux test build).
 */
record NativePlatform(String osName, String osArch) {
    /** The platform the given properties describe (production: {@code System::getProperty}). */
    static NativePlatform of(Function<String, String> properties) {
        return new NativePlatform(properties.apply("os.name"), properties.apply("os.arch"));
    }

    /** Whether an {@code os.name} is Windows' (the one place this is decided). */
    static boolean isWindows(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * The jar folder for this platform, or a clear {@link UnsupportedOperationException} naming
     * the OS and architecture.
     */
    String resourceDirectory() {
        String os = osName == null ? "an unknown OS" : osName;
        if (!isWindows(osName)) {
            throw new UnsupportedOperationException(
                    "wts-bridge needs Windows: the Terminal Services API does not exist on " + os + " (" + osArch + ")");
        }
        switch (osArch == null ? "" : osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return "natives/windows_64/";
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                return "natives/windows_32/";
            case "aarch64":
            case "arm64":
                return "natives/windows_arm64/";
            default:
                throw new UnsupportedOperationException(
                        "wts-bridge has no DLL for Windows on " + osArch + " (it ships x86, x64 and arm64)");
        }
    }
}
