package io.github.wtsbridge.bench.cold;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Cold start: the first FFM call — look the library up, link GetCurrentProcessId and
 * ProcessIdToSessionId, call them. Self-contained (no jar needed), as an FFM user's program
 * would be; run with --enable-native-access=ALL-UNNAMED, as such a program must be from Java 24.
 */
public final class Ffm {
    private Ffm() {
    }

    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup library = SymbolLookup.libraryLookup(Path.of(System.getProperty("wtsbridge.library.path")),
                Arena.global());
        MethodHandle pid = linker.downcallHandle(library.find("GetCurrentProcessId").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT));
        MethodHandle sessionOf = linker.downcallHandle(library.find("ProcessIdToSessionId").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment session = arena.allocate(JAVA_INT);
            if ((int) sessionOf.invokeExact((int) pid.invokeExact(), session) == 0 || session.get(JAVA_INT, 0) < 0) {
                System.exit(1);
            }
        }
    }
}
