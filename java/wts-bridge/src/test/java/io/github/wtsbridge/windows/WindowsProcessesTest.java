package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** WtsProcesses against the real wtsapi32 of a Windows runner. */
@Tag("windows")
class WindowsProcessesTest {
    /** The SID Wine gives its one user (Wine's advapi32 and ntdll). */
    private static final String WINE_USER_SID = "S-1-5-21-0-0-0-1000";

    @Test
    void listingHoldsThisJvm() {
        long pid = ProcessHandle.current().pid();
        List<WtsProcess> processes = WtsServer.local().processes();

        WtsProcess us = processes.stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("pid " + pid + " not among " + processes.size() + " processes"));
        assertEquals(WtsSession.current().id(), us.sessionId(), us.toString());
        String image = us.imageName().toLowerCase(Locale.ROOT);
        assertTrue(image.matches("javaw?\\.exe"), "image name of this JVM: " + us.imageName());
        ProcessHandle.current().info().command().ifPresent(command ->
                assertTrue(Path.of(command).getFileName().toString().equalsIgnoreCase(us.imageName()),
                        us.imageName() + " vs " + command));
        // Our own process's owner is always visible to us.
        assertTrue(us.userSid().startsWith("S-1-5-"), "SID of this JVM: '" + us.userSid() + "'");
        if (WindowsSupport.onWine()) {
            // Wine lists the prefix's own processes, all of them in session 1 as its one user.
            Set<String> images = processes.stream().map(p -> p.imageName().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            assertTrue(images.containsAll(Set.of("services.exe", "explorer.exe")), images.toString());
            for (WtsProcess p : processes) {
                assertEquals(1, p.sessionId(), p.toString());
                assertEquals(WINE_USER_SID, p.userSid(), p.toString());
            }
            return;
        }
        assertTrue(processes.size() > 10, "only " + processes.size() + " processes listed");
        assertTrue(processes.stream().anyMatch(p -> p.pid() == 4 && p.sessionId() == 0),
                "the System process (pid 4, session 0) is missing");
    }

    @Test
    void sessionOfThisJvmIsTheCurrentSession() {
        assertEquals(WtsSession.current().id(), WtsSession.ofProcess(ProcessHandle.current().pid()).id());
    }

    @Test
    void sessionOfAProcessThatDoesNotExistFails() {
        // Far above any process id Windows hands out (they are small multiples of 4).
        WtsException e = assertThrows(WtsException.class, () -> WtsSession.ofProcess(0xFFFF_FFFBL).id());
        assertEquals("ProcessIdToSessionId", e.function());
        assertTrue(e.errorCode() != 0, e.toString());
        assertTrue(!e.systemMessage().isBlank(), e.toString());
    }
}
