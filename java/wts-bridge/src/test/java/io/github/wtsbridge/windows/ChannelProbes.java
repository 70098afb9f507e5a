package io.github.wtsbridge.windows;

import static io.github.wtsbridge.windows.Coverage.fails;
import static io.github.wtsbridge.windows.Coverage.returnsValue;

import io.github.wtsbridge.ChannelTestAccess;
import io.github.wtsbridge.WtsChannelPriority;
import io.github.wtsbridge.WtsDynamicChannel;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsVirtualChannel;
import io.github.wtsbridge.internal.ChannelsNative;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The virtual-channel probes of {@link WindowsApiCoverageTest}. Wine 8.0's WTSVirtualChannel*
 * functions are stubs (dlls/wtsapi32/wtsapi32.c): the opens return NULL and the rest FALSE, none
 * calling SetLastError, so every open fails with code 0. The methods of an open channel are
 * probed under Wine on channel objects around a handle no channel has (the stubs ignore it):
 * the static channel's calls reach Wine's stubs (code 0); the dynamic channel's reach the real
 * ReadFile/WriteFile, which refuse the handle with ERROR_INVALID_HANDLE (6). On a real Windows
 * runner (no RDP client) the opens run and must fail with a WtsException; the others are Wine-only.
 */
final class ChannelProbes {
    /** A handle value no object has (what native/wine uses too). */
    private static final long NO_SUCH_HANDLE = 0x7FFF0FF0L;
    private static final String NAME = "WINETST";
    private static final String OPEN = "WTSVirtualChannelOpen";
    private static final String OPEN_EX = "WTSVirtualChannelOpenEx";

    private ChannelProbes() {
    }

    static void register(Coverage c) {
        int current = WtsSession.current().id();
        c.probe("WtsVirtualChannel.open(String)", fails(OPEN, 0), () -> WtsVirtualChannel.open(NAME));
        c.probe("WtsVirtualChannel.open(WtsServer, int, String)", fails(OPEN, 0),
                () -> WtsVirtualChannel.open(WtsServer.local(), current, NAME));
        c.probe("WtsVirtualChannel.openDynamic(String)", fails(OPEN_EX, 0),
                () -> WtsVirtualChannel.openDynamic("WtsCoverage::None"));
        c.probe("WtsVirtualChannel.openDynamic(String, WtsChannelPriority, boolean)", fails(OPEN_EX, 0),
                () -> WtsVirtualChannel.openDynamic("WtsCoverage::None", WtsChannelPriority.HIGH, false));
        c.probe("WtsVirtualChannel.openDynamic(int, String, WtsChannelPriority, boolean)", fails(OPEN_EX, 0),
                () -> WtsVirtualChannel.openDynamic(current, "WtsCoverage::None", WtsChannelPriority.REAL, true));
        c.probe("WtsChannelPriority.flags()", returnsValue(List.of(0, 2, 4, 6)),
                () -> List.of(WtsChannelPriority.LOW.flags(), WtsChannelPriority.MEDIUM.flags(),
                        WtsChannelPriority.HIGH.flags(), WtsChannelPriority.REAL.flags()));
        staticChannel(c);
        dynamicChannel(c);
    }

    /** A probe on a static channel object around NO_SUCH_HANDLE, closed afterwards. */
    private static void onStatic(Coverage c, String method, Coverage.Expectation wine,
            Function<WtsVirtualChannel, Object> call) {
        c.probeWineOnly(method, wine, () -> {
            try (WtsVirtualChannel channel = ChannelTestAccess.staticChannel(NAME, NO_SUCH_HANDLE)) {
                return call.apply(channel);
            }
        });
    }

    /** IOException whose cause is the WtsException the stub gave (the ByteChannel and streams). */
    private static Coverage.Expectation failsAsIo(String function, int code) {
        Coverage.Expectation inner = fails(function, code);
        return new Coverage.Expectation("IOException: " + inner.words(), outcome -> {
            if (!(outcome.thrown() instanceof IOException io) || !(io.getCause() instanceof WtsException)) {
                throw new AssertionError("expected an IOException caused by a WtsException, got " + outcome.describe());
            }
            inner.check().accept(new Coverage.Outcome(null, io.getCause()));
        });
    }

    private static Object unchecked(IoCall call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIo(e);
        }
    }

    @FunctionalInterface
    private interface IoCall {
        Object run() throws IOException;
    }

    /** Carries an IOException out of a Function; unwrapped by {@link #io}. */
    private static final class UncheckedIo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedIo(IOException e) {
            super(e);
        }
    }

    private static Coverage.Call io(Coverage.Call call) {
        return () -> {
            try {
                return call.run();
            } catch (UncheckedIo e) {
                throw (IOException) e.getCause();
            }
        };
    }

    private static void staticChannel(Coverage c) {
        String read = "WTSVirtualChannelRead";
        String write = "WTSVirtualChannelWrite";
        onStatic(c, "WtsVirtualChannel.name()", returnsValue(NAME), WtsVirtualChannel::name);
        onStatic(c, "WtsVirtualChannel.read(ByteBuffer, Duration)", fails(read, 0),
                ch -> ch.read(ByteBuffer.allocate(16), Duration.ofMillis(10)));
        c.probeWineOnly("WtsVirtualChannel.read(ByteBuffer)", failsAsIo(read, 0), io(() -> {
            try (WtsVirtualChannel ch = ChannelTestAccess.staticChannel(NAME, NO_SUCH_HANDLE)) {
                return ch.read(ByteBuffer.allocateDirect(16));
            }
        }));
        onStatic(c, "WtsVirtualChannel.writeAll(ByteBuffer)", fails(write, 0), ch -> ch.writeAll(ByteBuffer.wrap(new byte[3])));
        onStatic(c, "WtsVirtualChannel.write(byte[])", fails(write, 0), ch -> {
            ch.write(new byte[] {1, 2});
            return null;
        });
        c.probeWineOnly("WtsVirtualChannel.write(ByteBuffer)", failsAsIo(write, 0), io(() -> {
            try (WtsVirtualChannel ch = ChannelTestAccess.staticChannel(NAME, NO_SUCH_HANDLE)) {
                return ch.write(ByteBuffer.wrap(new byte[3]));
            }
        }));
        onStatic(c, "WtsVirtualChannel.purgeInput()", fails("WTSVirtualChannelPurgeInput", 0), ch -> {
            ch.purgeInput();
            return null;
        });
        onStatic(c, "WtsVirtualChannel.purgeOutput()", fails("WTSVirtualChannelPurgeOutput", 0), ch -> {
            ch.purgeOutput();
            return null;
        });
        onStatic(c, "WtsVirtualChannel.clientData()", fails("WTSVirtualChannelQuery", 0), WtsVirtualChannel::clientData);
        onStatic(c, "WtsVirtualChannel.isOpen()", returnsValue(true), WtsVirtualChannel::isOpen);
        onStatic(c, "WtsVirtualChannel.close()", returnsValue(false), ch -> {
            ch.close(); // WTSVirtualChannelClose's FALSE is not an exception
            ch.close();
            return ch.isOpen();
        });
        c.probeWineOnly("WtsVirtualChannel.inputStream()", failsAsIo(read, 0), io(() -> {
            try (InputStream in = ChannelTestAccess.staticChannel(NAME, NO_SUCH_HANDLE).inputStream()) {
                return in.read();
            }
        }));
        c.probeWineOnly("WtsVirtualChannel.outputStream()", failsAsIo(write, 0), io(() -> {
            try (OutputStream out = ChannelTestAccess.staticChannel(NAME, NO_SUCH_HANDLE).outputStream()) {
                out.write(7);
                return null;
            }
        }));
    }

    /** A probe on a dynamic channel object around NO_SUCH_HANDLE and two real events. */
    private static void onDynamic(Coverage c, String method, Coverage.Expectation wine,
            Function<WtsDynamicChannel, Object> call) {
        c.probeWineOnly(method, wine, io(() -> {
            try (WtsDynamicChannel channel = dynamic()) {
                return call.apply(channel);
            }
        }));
    }

    private static WtsDynamicChannel dynamic() {
        long readEvent = ChannelsNative.createEvent();
        long writeEvent = ChannelsNative.createEvent();
        return ChannelTestAccess.dynamicChannel("WtsCoverage::Wrapped", NO_SUCH_HANDLE, readEvent, writeEvent);
    }

    private static void dynamicChannel(Coverage c) {
        int invalid = WtsException.ERROR_INVALID_HANDLE;
        onDynamic(c, "WtsDynamicChannel.name()", returnsValue("WtsCoverage::Wrapped"), WtsDynamicChannel::name);
        onDynamic(c, "WtsDynamicChannel.priority()", returnsValue(WtsChannelPriority.LOW), WtsDynamicChannel::priority);
        onDynamic(c, "WtsDynamicChannel.isCompressed()", returnsValue(true), WtsDynamicChannel::isCompressed);
        onDynamic(c, "WtsDynamicChannel.receive(Duration)", fails("ReadFile", invalid), ch -> ch.receive(Duration.ZERO));
        onDynamic(c, "WtsDynamicChannel.receive()", fails("ReadFile", invalid), WtsDynamicChannel::receive);
        onDynamic(c, "WtsDynamicChannel.receive(ByteBuffer, Duration)", fails("ReadFile", invalid),
                ch -> ch.receive(ByteBuffer.allocate(10), Duration.ZERO));
        onDynamic(c, "WtsDynamicChannel.send(byte[])", fails("WriteFile", invalid), ch -> {
            ch.send(new byte[] {1});
            return null;
        });
        onDynamic(c, "WtsDynamicChannel.send(ByteBuffer)", fails("WriteFile", invalid), ch -> {
            ch.send(ByteBuffer.allocateDirect(4));
            return null;
        });
        onDynamic(c, "WtsDynamicChannel.read(ByteBuffer)", failsAsIo("ReadFile", invalid),
                ch -> unchecked(() -> ch.read(ByteBuffer.allocate(4))));
        onDynamic(c, "WtsDynamicChannel.write(ByteBuffer)", failsAsIo("WriteFile", invalid),
                ch -> unchecked(() -> ch.write(ByteBuffer.allocate(4))));
        onDynamic(c, "WtsDynamicChannel.inputStream()", failsAsIo("ReadFile", invalid),
                ch -> unchecked(() -> ch.inputStream().read()));
        onDynamic(c, "WtsDynamicChannel.outputStream()", failsAsIo("WriteFile", invalid), ch -> unchecked(() -> {
            ch.outputStream().write(new byte[] {1, 2, 3});
            return null;
        }));
        onDynamic(c, "WtsDynamicChannel.isOpen()", returnsValue(true), WtsDynamicChannel::isOpen);
        onDynamic(c, "WtsDynamicChannel.close()", returnsValue(false), ch -> {
            ch.close(); // cancels nothing, closes both events and the (invalid) file handle
            ch.close();
            return ch.isOpen();
        });
    }
}
