package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSessionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Session targets as Windows' tools take them: a session id ({@code 3}), a session name
 * ({@code rdp-tcp#3}, any case), a user name ({@code alice} or {@code CORP\alice}, any case),
 * {@code *} (every session), or {@code @FILE} (one of those a line).
 */
final class Targets {
    private Targets() {
    }

    /** One target; id is set for a number, all for '*'. */
    record Target(String text, Integer id, boolean all) {
        /** Whether the session with this id, WinStation name and user matches. */
        boolean matches(int sessionId, String sessionName, String userName, String domain, boolean byUser) {
            if (all) {
                return true;
            }
            if (id != null) {
                return id == sessionId;
            }
            if (text.equalsIgnoreCase(sessionName)) {
                return true;
            }
            return byUser && !userName.isEmpty()
                    && (text.equalsIgnoreCase(userName) || text.equalsIgnoreCase(domain + "\\" + userName));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A session that a name did not match (an outcome of its own, exit 1 like a Windows failure). */
    static final class NoMatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoMatch(String message) {
            super(message);
        }
    }

    /** One target; '*' only where allowed. */
    static Target parse(String text, String what, boolean allowAll) throws UsageException {
        if (text.equals("*")) {
            if (!allowAll) {
                throw new UsageException(what + ": '*' is not taken here");
            }
            return new Target(text, null, true);
        }
        if (text.isBlank() || text.indexOf('\0') >= 0) {
            throw new UsageException(what + " must not be blank");
        }
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Target(text, Args.sessionId(text), false);
        }
        if (text.startsWith("-")) {
            throw new UsageException(what + " must be a session id or name, not '" + text + "'");
        }
        return new Target(text, null, false);
    }

    /** Targets from the arguments, an {@code @FILE} argument read line by line. */
    static List<Target> parseAll(List<String> texts, String what, boolean allowAll, boolean allowFiles)
            throws UsageException {
        List<Target> targets = new ArrayList<>();
        for (String text : texts) {
            if (allowFiles && text.startsWith("@") && text.length() > 1) {
                int before = targets.size();
                for (String line : Cli.lines(text.substring(1), what)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        targets.add(parse(line.strip(), what + " in " + text, allowAll));
                    }
                }
                if (targets.size() == before) {
                    throw new UsageException(what + " " + text + ": the file names no session or user");
                }
            } else {
                targets.add(parse(text, what, allowAll));
            }
        }
        return targets;
    }

    /**
     * The session ids the targets name on a server, in the server's order, each once. Ids are
     * taken as given (no listing needed: Windows reports a missing one); a name that matches
     * nothing throws {@link NoMatch}. '*' means the sessions {@code everyone} accepts.
     */
    static List<Integer> resolve(WtsServer server, List<Target> targets, boolean byUser,
                                 Predicate<WtsSessionEntry> everyone) {
        List<Integer> ids = new ArrayList<>();
        boolean needList = targets.stream().anyMatch(t -> t.id() == null);
        if (!needList) {
            for (Target t : targets) {
                if (!ids.contains(t.id())) {
                    ids.add(t.id());
                }
            }
            return ids;
        }
        List<WtsSessionEntry> sessions = server.sessions();
        List<String[]> users = new ArrayList<>();
        for (WtsSessionEntry s : sessions) {
            users.add(byUser ? user(server, s.id()) : new String[] {"", ""});
        }
        for (Target t : targets) {
            boolean found = t.id() != null;
            if (t.id() != null && !ids.contains(t.id())) {
                ids.add(t.id());
            }
            for (int i = 0; t.id() == null && i < sessions.size(); i++) {
                WtsSessionEntry s = sessions.get(i);
                boolean match = t.all() ? everyone.test(s)
                        : t.matches(s.id(), s.winStationName(), users.get(i)[0], users.get(i)[1], byUser);
                if (match) {
                    found = true;
                    if (!ids.contains(s.id())) {
                        ids.add(s.id());
                    }
                }
            }
            if (!found && !t.all()) {
                throw new NoMatch("no session " + (byUser ? "or user " : "") + "named '" + t.text() + "'");
            }
        }
        return ids;
    }

    /** {user, domain} of a session; blank when nobody is logged on or it has gone. */
    private static String[] user(WtsServer server, int id) {
        try {
            WtsSessionInfo info = server.session(id).info();
            return new String[] {info.userName(), info.domainName()};
        } catch (WtsException e) { // vanished since the listing, or not ours to ask about
            return new String[] {"", ""};
        }
    }

    /** Case-insensitive glob (* and ?) over image names; "notepad" also matches "notepad.exe". */
    static Predicate<String> imagePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regex.toString());
        return image -> {
            String lower = image.toLowerCase(Locale.ROOT);
            return compiled.matcher(lower).matches()
                    || lower.endsWith(".exe") && compiled.matcher(lower.substring(0, lower.length() - 4)).matches();
        };
    }
}
