package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsConnectState;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServerResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How values show in tables (as qwinsta/quser show them) and in JSON. */
final class Formats {
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    /** qwinsta's words for the states. */
    static String state(WtsConnectState state, int raw) {
        return switch (state) {
            case ACTIVE -> "Active";
            case CONNECTED -> "Conn";
            case CONNECT_QUERY -> "ConnQ";
            case SHADOW -> "Shadow";
            case DISCONNECTED -> "Disc";
            case IDLE -> "Idle";
            case LISTEN -> "Listen";
            case RESET -> "Reset";
            case DOWN -> "Down";
            case INIT -> "Init";
            case UNKNOWN -> "Unknown(" + Integer.toUnsignedString(raw) + ")";
        };
    }

    /** The state for JSON: the enum name, UNKNOWN for a value this library does not know. */
    static String stateName(WtsConnectState state) {
        return state.name();
    }

    /** quser's idle time: "." under a minute, minutes, H:MM, D+HH:MM; "none" if unknown. */
    static String idle(Optional<Duration> idle) {
        if (idle.isEmpty()) {
            return "none";
        }
        long minutes = idle.get().toMinutes();
        if (minutes < 1) {
            return ".";
        }
        if (minutes < 60) {
            return Long.toString(minutes);
        }
        long hours = minutes / 60;
        String mm = String.format("%02d", minutes % 60);
        return hours < 24 ? hours + ":" + mm : (hours / 24) + "+" + String.format("%02d", hours % 24) + ":" + mm;
    }

    static String time(Optional<Instant> time, ZoneId zone) {
        return time.map(t -> TABLE_TIME.format(t.atZone(zone))).orElse("");
    }

    static Object isoTime(Optional<Instant> time) {
        return time.map(Instant::toString).orElse(null);
    }

    /** The one line a failure shows as on stderr. */
    static String message(Exception error) {
        String text = error.getMessage();
        return text == null ? error.getClass().getSimpleName() : text;
    }

    /** A failure as JSON: kind windows (code, function), timeout, or error (type). */
    static Map<String, Object> error(Exception error) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (error instanceof WtsException e) {
            json.put("kind", "windows");
            json.put("code", Integer.toUnsignedLong(e.errorCode()));
            json.put("function", e.function());
        } else if (error instanceof Targets.NoMatch) {
            json.put("kind", "not-found");
        } else if (error instanceof java.util.concurrent.TimeoutException) {
            json.put("kind", "timeout");
        } else {
            json.put("kind", "error");
            json.put("type", error.getClass().getName());
        }
        json.put("message", message(error));
        return json;
    }

    /** "ok", "failed" or "timeout". */
    static String status(WtsServerResult result) {
        if (result instanceof WtsServerResult.Scanned) {
            return "ok";
        }
        return result instanceof WtsServerResult.TimedOut ? "timeout" : "failed";
    }

    /** null (JSON) for the local machine. */
    static String serverName(String server) {
        return server == null || server.isEmpty() ? null : server;
    }
}
