package io.github.wtsbridge;

import io.github.wtsbridge.internal.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the session a program is started in: by {@link WtsSessionChoice}, or by user name.
 * The rules are pure functions of {@link Candidate}s (tested without Windows); {@link #read}
 * gathers them from WTSEnumerateSessionsW + WTSSessionInfo.
 */
final class SessionChooser {
    private static final Log LOG = Log.forClass(SessionChooser.class);
    /** Longest user name part (SAM names are 20, UPNs longer; Windows' own limit is 256). */
    static final int MAX_USER_CHARS = 256;
    /** Longest domain part (a DNS name). */
    static final int MAX_DOMAIN_CHARS = 255;

    private SessionChooser() {
    }

    /** One session as the rules see it: empty user when nobody is logged on. */
    record Candidate(int id, WtsConnectState state, String domain, String user, Optional<Instant> logon) {
        Candidate {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(logon, "logon");
        }

        boolean hasUser() {
            return !user.isEmpty() && id != 0;
        }

        boolean isActive() {
            return state == WtsConnectState.ACTIVE;
        }
    }

    /** The latest logon first (none last), then the lowest id. */
    static final Comparator<Candidate> LATEST_FIRST = Comparator
            .comparing((Candidate c) -> c.logon().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparingInt(Candidate::id);

    /**
     * The sessions of this machine (WTSEnumerateSessionsW), each with its WTSSessionInfo; where
     * that query fails, with WTSUserName and WTSDomainName and no logon time; a session that
     * vanished in between is left out. The console session ({@code console}, -1: none) is
     * asked about directly when the enumeration did not list it: the two are read at
     * different moments (and Wine's WTSEnumerateSessionsW lists no session at all).
     */
    static List<Candidate> read(int console) {
        List<Candidate> result = new ArrayList<>();
        boolean consoleListed = false;
        for (WtsSessionEntry entry : WtsServer.local().sessions()) {
            consoleListed |= entry.id() == console;
            candidate(entry.session(), entry.state()).ifPresent(result::add);
        }
        if (console >= 0 && !consoleListed) {
            candidate(WtsServer.local().session(console), WtsConnectState.ACTIVE).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<Candidate> candidate(WtsSession session, WtsConnectState listedState) {
        try {
            WtsSessionInfo info = session.info();
            return Optional.of(new Candidate(session.id(), info.state(), info.domainName(), info.userName(),
                    info.times().logon()));
        } catch (WtsException e) {
            LOG.debug("session {}: no WTSSessionInfo ({}), asking for its user alone", session.id(), e.getMessage());
        }
        try {
            return Optional.of(new Candidate(session.id(), listedState, session.domainName(), session.userName(),
                    Optional.empty()));
        } catch (WtsException e) {
            LOG.debug("session {} left out of the choice: {}", session.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The session {@code choice} picks among {@code sessions}, the console being {@code console} (-1: none). */
    static Optional<Candidate> choose(List<Candidate> sessions, int console, WtsSessionChoice choice) {
        Optional<Candidate> onConsole = sessions.stream()
                .filter(c -> console >= 0 && c.id() == console && c.hasUser()).findFirst();
        List<Candidate> active = sessions.stream().filter(c -> c.hasUser() && c.isActive())
                .sorted(LATEST_FIRST).toList();
        Optional<Candidate> remote = active.stream().filter(c -> c.id() != console).findFirst();
        switch (choice) {
            case CONSOLE:
                return onConsole;
            case REMOTE:
                return remote;
            case CONSOLE_THEN_REMOTE:
                return onConsole.isPresent() ? onConsole : remote;
            case ANY_ACTIVE:
                Optional<Candidate> activeConsole = onConsole.filter(Candidate::isActive);
                return activeConsole.isPresent() ? activeConsole : active.stream().findFirst();
            case LATEST_LOGON:
                return active.stream().findFirst();
            default:
                throw new AssertionError(choice);
        }
    }

    /**
     * The session of {@code user} among {@code sessions}: an active one before a disconnected
     * one, then the console, then the latest logon, then the lowest id.
     */
    static Optional<Candidate> ofUser(List<Candidate> sessions, int console, UserName user) {
        Comparator<Candidate> order = Comparator.comparing((Candidate c) -> !c.isActive())
                .thenComparing(c -> c.id() != console)
                .thenComparing(LATEST_FIRST);
        return sessions.stream().filter(c -> c.hasUser() && user.matches(c.domain(), c.user())).min(order);
    }

    /**
     * A user name as people write it: {@code DOMAIN\name}, {@code name@dns.suffix} (a UPN) or
     * {@code name}. Matching follows Windows: case-insensitive; a name without a domain
     * matches in any domain; a UPN's suffix matches the session's domain when the domain is the
     * suffix itself or its first label ({@code alice@contoso.com} is {@code CONTOSO\alice}).
     */
    record UserName(String domain, String name, boolean upn) {
        static UserName parse(String text) {
            io.github.wtsbridge.internal.Checks.text(text, "user", MAX_USER_CHARS + 1 + MAX_DOMAIN_CHARS);
            int slash = text.indexOf('\\');
            int at = text.lastIndexOf('@');
            String domain = "";
            String name = text;
            boolean upn = false;
            if (slash >= 0) {
                if (text.indexOf('\\', slash + 1) >= 0) {
                    throw new IllegalArgumentException("user must be DOMAIN\\name, name@domain or name, not '" + text + "'");
                }
                domain = text.substring(0, slash);
                name = text.substring(slash + 1);
                if (domain.isEmpty()) {
                    throw new IllegalArgumentException("user has an empty domain before '\\': '" + text + "'");
                }
            } else if (at >= 0) {
                domain = text.substring(at + 1);
                name = text.substring(0, at);
                upn = true;
                if (domain.isEmpty()) {
                    throw new IllegalArgumentException("user has an empty domain after '@': '" + text + "'");
                }
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("user name must not be empty: '" + text + "'");
            }
            if (name.length() > MAX_USER_CHARS || domain.length() > MAX_DOMAIN_CHARS) {
                throw new IllegalArgumentException("user name or domain too long: '" + text + "'");
            }
            return new UserName(domain, name, upn);
        }

        boolean matches(String sessionDomain, String sessionUser) {
            if (!equalNames(name, sessionUser)) {
                return false;
            }
            if (domain.isEmpty()) {
                return true;
            }
            if (equalNames(domain, sessionDomain)) {
                return true;
            }
            int dot = domain.indexOf('.');
            return upn && dot > 0 && equalNames(domain.substring(0, dot), sessionDomain);
        }

        private static boolean equalNames(String a, String b) {
            return a.length() == b.length() && a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return domain.isEmpty() ? name : upn ? name + "@" + domain : domain + "\\" + name;
        }
    }
}
