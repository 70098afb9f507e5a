package io.github.wtsbridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An event WTSWaitSystemEvent can wait for (a WTS_EVENT_* flag). It has no lock/unlock events. */
public enum WtsSystemEvent {
    /** WTS_EVENT_CREATE: a new WinStation was created. */
    CREATE(0x1),
    /** WTS_EVENT_DELETE: a WinStation was deleted. */
    DELETE(0x2),
    /** WTS_EVENT_RENAME: a WinStation was renamed. */
    RENAME(0x4),
    /** WTS_EVENT_CONNECT: a client connected to a WinStation. */
    CONNECT(0x8),
    /** WTS_EVENT_DISCONNECT: a client disconnected from a WinStation. */
    DISCONNECT(0x10),
    /** WTS_EVENT_LOGON: a user logged on. */
    LOGON(0x20),
    /** WTS_EVENT_LOGOFF: a user logged off. */
    LOGOFF(0x40),
    /** WTS_EVENT_STATECHANGE: a WinStation's connection state changed. */
    STATE_CHANGE(0x80),
    /** WTS_EVENT_LICENSE: the Remote Desktop licence state changed. */
    LICENSE(0x100),
    /** Flags this version of the library does not know were set (never valid in a mask). */
    UNKNOWN(0);

    private static final int KNOWN = 0x1FF;

    private final int flag;

    WtsSystemEvent(int flag) {
        this.flag = flag;
    }

    /**
     * The WTS_EVENT_* flag.
     *
     * @return the bit WTSWaitSystemEvent takes in EventMask and sets in pEventFlags, 0x1 to
     *         0x100; 0 for {@link #UNKNOWN}
     */
    public int flag() {
        return flag;
    }

    /**
     * Every event Windows documents (what WTS_EVENT_ALL waits for).
     *
     * @return a new, modifiable set of every constant but {@link #UNKNOWN}
     */
    public static Set<WtsSystemEvent> all() {
        EnumSet<WtsSystemEvent> all = EnumSet.allOf(WtsSystemEvent.class);
        all.remove(UNKNOWN);
        return all;
    }

    /**
     * The events in returned flags.
     *
     * @param flags the pEventFlags WTSWaitSystemEvent returned
     * @return an unmodifiable set of the events whose bit is set, plus {@link #UNKNOWN} when any
     *         bit above 0x100 is set; empty for 0 (a flushed wait)
     */
    public static Set<WtsSystemEvent> of(int flags) {
        EnumSet<WtsSystemEvent> events = EnumSet.noneOf(WtsSystemEvent.class);
        for (WtsSystemEvent e : values()) {
            if ((flags & e.flag) != 0) {
                events.add(e);
            }
        }
        if ((flags & ~KNOWN) != 0) {
            events.add(UNKNOWN);
        }
        return Collections.unmodifiableSet(events);
    }

    /** The mask for a non-empty set of known events. */
    static int mask(Set<WtsSystemEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("wait for at least one event");
        }
        int mask = 0;
        for (WtsSystemEvent e : events) {
            if (Objects.requireNonNull(e, "event") == UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN cannot be waited for");
            }
            mask |= e.flag;
        }
        return mask;
    }
}
