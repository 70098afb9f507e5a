package io.github.wtsbridge.snippets;

import io.github.wtsbridge.WtsCommandLine;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsInventorySession;
import io.github.wtsbridge.WtsNoUserException;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsServerResult;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsSessionEx;
import io.github.wtsbridge.WtsSessionScope;
import io.github.wtsbridge.WtsSessionSubscription;
import io.github.wtsbridge.WtsStartOptions;
import io.github.wtsbridge.WtsStartedProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The examples of the library's overview page (src/main/javadoc/overview.html), which shows
 * each region below with {@code {@snippet file=OverviewSnippets.java region=...}}. They use the
 * public API only (this package is outside the library's) and print to {@code System.out};
 * {@link OverviewSnippetsTest} runs every one against the fake and checks what it printed, so
 * an example that stops compiling or stops doing what the page says fails the build.
 */
public final class OverviewSnippets {
    private OverviewSnippets() {
    }

    /** (a) Every session of this machine, with its user; who is on the console. */
    public static void listSessionsAndUsers() {
        // @start region="list-sessions"
        for (WtsSessionEx s : WtsServer.local().sessionsEx()) { // one WTSEnumerateSessionsExW call
            String user = s.userName().isEmpty() ? "(nobody)" : s.domainName() + "\\" + s.userName();
            System.out.printf("%-6d %-10s %-12s %s%n", s.id(), s.sessionName(), s.state(), user);
        }
        WtsSession.activeConsole().ifPresent(console ->
                System.out.println("console: session " + console.id() + ", " + console.userName()));
        // @end
    }

    /** (b) Lock, unlock, logon and logoff of every session, until {@code serviceStopping} opens. */
    public static void watchLockAndLogon(CountDownLatch serviceStopping) throws InterruptedException {
        // @start region="watch-events"
        // From a service (session 0) listen to ALL_SESSIONS: THIS_SESSION would hear only session 0.
        try (WtsSessionSubscription events = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, change -> {
            // called on the subscription's own thread, one change at a time, in Windows' order
            switch (change.event()) {
                case SESSION_LOGON -> System.out.println("logon: "
                        + WtsServer.local().session(change.sessionId()).userName()
                        + " in session " + change.sessionId());
                case SESSION_LOGOFF -> System.out.println("logoff: session " + change.sessionId());
                case SESSION_LOCK -> System.out.println("locked: session " + change.sessionId());
                case SESSION_UNLOCK -> System.out.println("unlocked: session " + change.sessionId());
                default -> { } // connects, disconnects, remote control, newer events
            }
        })) {
            serviceStopping.await(); // changes arrive meanwhile; close() unregisters and ends the thread
        }
        // @end
    }

    /** (c) From a service running as LocalSystem: the updater on the console user's desktop. */
    public static void runOnTheUsersDesktop() {
        // @start region="start-process"
        // Needs LocalSystem (SE_TCB_NAME): a Windows service. The program runs as the person
        // using the machine (the console's user, else the active RDP session's), on her
        // desktop, with her environment plus ACME_UPDATED.
        String commandLine = WtsCommandLine.of(List.of("C:\\Program Files\\Acme\\updater.exe", "--notify"));
        try (WtsStartedProcess updater = WtsSession.startProcessInActiveSession(commandLine,
                WtsStartOptions.defaults().withEnvironmentVariable("ACME_UPDATED", "1"))) {
            if (updater.waitFor(Duration.ofMinutes(5))) {
                System.out.println("updater exited with " + updater.exitCode().getAsLong());
            } else {
                System.out.println("updater still running in session " + updater.sessionId());
            }
        } catch (WtsNoUserException e) {
            System.out.println("nobody is using this machine: try again at the next logon");
        }
        // @end
    }

    /** (d) Who is logged on where, across servers; a dead server is one line, not a failed scan. */
    public static void queryManyServers() {
        // @start region="inventory"
        List<WtsServerResult> results = WtsInventory.scan(List.of("rdsh01", "rdsh02", "rdsh03"),
                WtsInventory.Options.defaults()        // 8 servers at a time
                        .withTimeout(Duration.ofSeconds(5)) // per server: a hung one is TimedOut
                        .withSessionInfo(true));            // user names and times, too
        for (WtsServerResult result : results) {        // one per server, in the order given
            if (result.data().isPresent()) {
                for (WtsInventorySession s : result.data().get().sessions()) {
                    if (!s.userName().isEmpty()) {
                        System.out.println(result.server() + ": " + s.userName()
                                + " in session " + s.session().id() + " (" + s.session().state() + ")");
                    }
                }
            } else {                                    // Failed (a WtsException) or TimedOut
                System.out.println(result.server() + ": " + result.failure().get().getMessage());
            }
        }
        // @end
    }

    /** (e) What a failed call tells: the Win32 code, the function, the system's text. */
    public static void handleWtsException(int sessionId) {
        // @start region="errors"
        try {
            System.out.println("user: " + WtsServer.local().session(sessionId).userName());
        } catch (WtsException e) {                      // unchecked; every failed Windows call
            if (e.isNoSuchSession()) {                  // 7022 (2 from WTSQueryUserToken): it is gone
                System.out.println("session " + sessionId + " has ended");
            } else if (e.errorCode() == WtsException.ERROR_ACCESS_DENIED) {
                System.out.println("not allowed to look at session " + sessionId);
            } else {
                // e.g. "WTSQuerySessionInformationW failed with 50: The request is not supported."
                System.out.println(e.function() + " failed with " + e.errorCode() + ": " + e.systemMessage());
            }
        }
        // @end
    }
}
