package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsChannelPriority;
import io.github.wtsbridge.WtsDynamicChannel;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsVirtualChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code channel send NAME} / {@code channel listen NAME}: the server end of a virtual channel
 * from a shell, for admins who test a client plugin. send writes standard input to the client
 * (one write, or one message on a dynamic channel); listen copies what the client sends to
 * standard output.
 */
final class ChannelCommand extends Command {
    private static final Option DYNAMIC = Option.flag("dynamic", "a dynamic channel (WTSVirtualChannelOpenEx); NAME is the listener's endpoint");
    private static final Option SESSION = Option.value("session", "ID", "the session (default: the one this tool runs in)");
    private static final Option PRIORITY = Option.value("priority", "P", "dynamic: low (default), medium, high or real");
    private static final Option NO_COMPRESS = Option.flag("no-compress", "dynamic: WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS");
    private static final Option COUNT = Option.value("count", "N", "listen: stop after N messages (static: N reads)");
    private static final Option FOR = Option.value("for", "SECONDS", "listen: stop after this long");

    private final Supplier<InputStream> stdin;

    ChannelCommand() {
        this(() -> System.in);
    }

    ChannelCommand(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    @Override
    String name() {
        return "channel";
    }

    @Override
    String summary() {
        return "send to / listen on an RDP virtual channel of a session (this machine only)";
    }

    @Override
    String arguments() {
        return "send|listen NAME";
    }

    @Override
    boolean localOnly() {
        return true;
    }

    @Override
    String description() {
        return "The server end of an RDP virtual channel, for testing a client-side plugin.\n"
                + "  send NAME    writes standard input to the client: one WTSVirtualChannelWrite (static),\n"
                + "               or one message (--dynamic), then prints how many bytes went\n"
                + "  listen NAME  copies what the client sends to standard output as it arrives (static:\n"
                + "               the bytes; --dynamic: each whole message), until --count, --for or a failure\n"
                + "NAME is a static channel's name (1 to 7 ASCII characters) or, with --dynamic, a dynamic\n"
                + "channel's listener endpoint (up to 260). The tool must run inside the RDP session, or as a\n"
                + "user with the Virtual Channels permission on --session ID. With --json, listen prints one\n"
                + "object per message: {\"bytes\":N,\"base64\":\"...\"}.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(DYNAMIC, SESSION, PRIORITY, NO_COMPRESS, COUNT, FOR);
    }

    @Override
    void check(Args args, Context context) throws UsageException {
        checked(args);
    }

    /** The arguments checked (run checks them again: the same answer). */
    private static List<String> checked(Args args) throws UsageException {
        List<String> given = positionals(args, 2, 2, "send|listen and the channel's NAME");
        if (!given.get(0).equals("send") && !given.get(0).equals("listen")) {
            throw new UsageException("'" + given.get(0) + "': the first argument is send or listen");
        }
        if (args.value("session").isPresent()) {
            Args.sessionId(args.value("session").get());
        }
        priority(args.value("priority"));
        if (!args.flag("dynamic") && (args.value("priority").isPresent() || args.flag("no-compress"))) {
            throw new UsageException("--priority and --no-compress are for --dynamic channels");
        }
        if (args.value("count").isPresent()) {
            Args.number(args.value("count").get(), "--count", 1, Long.MAX_VALUE);
        }
        if (args.value("for").isPresent()) {
            Args.seconds(args.value("for").get(), "--for", false, 365L * 86_400);
        }
        if (given.get(0).equals("send") && (args.value("count").isPresent() || args.value("for").isPresent())) {
            throw new UsageException("--count and --for are for listen");
        }
        return given;
    }

    @Override
    int run(Args args, Context context) throws UsageException {
        checked(args);
        List<String> given = positionals(args, 2, 2, "send|listen and the channel's NAME");
        String action = given.get(0);
        if (!action.equals("send") && !action.equals("listen")) {
            throw new UsageException("'" + action + "': the first argument is send or listen");
        }
        String name = given.get(1);
        boolean dynamic = args.flag("dynamic");
        Optional<Integer> session = args.value("session").isPresent()
                ? Optional.of(Args.sessionId(args.value("session").get())) : Optional.empty();
        WtsChannelPriority priority = priority(args.value("priority"));
        if (!dynamic && (args.value("priority").isPresent() || args.flag("no-compress"))) {
            throw new UsageException("--priority and --no-compress are for --dynamic channels");
        }
        boolean compress = !args.flag("no-compress");
        long count = args.value("count").isPresent()
                ? Args.number(args.value("count").get(), "--count", 1, Long.MAX_VALUE) : Long.MAX_VALUE;
        Duration limit = args.value("for").isPresent()
                ? Args.seconds(args.value("for").get(), "--for", false, 365L * 86_400) : null;
        if (action.equals("send") && (args.value("count").isPresent() || limit != null)) {
            throw new UsageException("--count and --for are for listen");
        }
        if (dynamic) {
            try (WtsDynamicChannel channel = session.isPresent()
                    ? WtsVirtualChannel.openDynamic(session.get(), name, priority, compress)
                    : WtsVirtualChannel.openDynamic(name, priority, compress)) {
                return action.equals("send") ? sent(channel::send, name, context)
                        : listen(timeout -> channel.receive(timeout), name, count, limit, context);
            }
        }
        try (WtsVirtualChannel channel = session.isPresent()
                ? WtsVirtualChannel.open(WtsServer.local(), session.get(), name)
                : WtsVirtualChannel.open(name)) {
            return action.equals("send") ? sent(channel::write, name, context)
                    : listen(timeout -> read(channel, timeout), name, count, limit, context);
        }
    }

    private static WtsChannelPriority priority(Optional<String> value) throws UsageException {
        if (value.isEmpty()) {
            return WtsChannelPriority.LOW;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "low" -> WtsChannelPriority.LOW;
            case "medium" -> WtsChannelPriority.MEDIUM;
            case "high" -> WtsChannelPriority.HIGH;
            case "real" -> WtsChannelPriority.REAL;
            default -> throw new UsageException("--priority is low, medium, high or real, not '" + value.get() + "'");
        };
    }

    private int sent(java.util.function.Consumer<byte[]> write, String name, Context context) {
        byte[] data;
        try {
            data = stdin.get().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write.accept(data);
        if (context.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", "channel");
            json.put("action", "send");
            json.put("channel", name);
            json.put("bytes", data.length);
            context.out().println(Json.write(json));
        } else {
            context.out().println("sent " + data.length + " bytes on " + name);
        }
        return ExitCode.OK;
    }

    private static Optional<byte[]> read(WtsVirtualChannel channel, Duration timeout) {
        ByteBuffer buffer = ByteBuffer.allocate(WtsVirtualChannel.CHUNK_LENGTH);
        int n = channel.read(buffer, timeout);
        return n == 0 ? Optional.empty() : Optional.of(java.util.Arrays.copyOf(buffer.array(), n));
    }

    @FunctionalInterface
    private interface Receiver {
        Optional<byte[]> next(Duration timeout);
    }

    private static int listen(Receiver receiver, String name, long count, Duration limit, Context context) {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        for (long seen = 0; seen < count; ) {
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Optional<byte[]> next = receiver.next(Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
            if (next.isEmpty()) {
                continue;
            }
            byte[] data = next.get();
            if (context.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("channel", name);
                json.put("bytes", data.length);
                json.put("base64", Base64.getEncoder().encodeToString(data));
                context.out().println(Json.write(json));
            } else {
                context.out().write(data, 0, data.length);
            }
            context.out().flush();
            seen++;
        }
        return ExitCode.OK;
    }
}
