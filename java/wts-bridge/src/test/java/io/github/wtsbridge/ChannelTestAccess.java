package io.github.wtsbridge;

/**
 * TEST-ONLY: channel objects around raw handles for tests outside this package (the Windows-JVM
 * coverage probes, which under Wine cannot open a channel: its WTSVirtualChannelOpen is a stub).
 */
public final class ChannelTestAccess {
    private ChannelTestAccess() {
    }

    public static WtsVirtualChannel staticChannel(String name, long handle) {
        return WtsVirtualChannel.wrap(name, handle);
    }

    public static WtsDynamicChannel dynamicChannel(String name, long file, long readEvent, long writeEvent) {
        return WtsDynamicChannel.wrap(name, file, readEvent, writeEvent);
    }
}
