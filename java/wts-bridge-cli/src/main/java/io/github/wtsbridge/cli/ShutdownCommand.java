package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsShutdownFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code shutdown}: WTSShutdownSystem. */
final class ShutdownCommand extends ActionCommand<Set<WtsShutdownFlag>> {
    private static final Option REBOOT = Option.flag("reboot", "restart afterwards (WTS_WSD_REBOOT)");
    private static final Option POWEROFF = Option.flag("poweroff", "power off where the hardware can (WTS_WSD_POWEROFF)");
    private static final Option LOGOFF_ONLY = Option.flag("logoff-only",
            "only log off every client session but the caller's and refuse new remote logons (WTS_WSD_LOGOFF)");
    private static final Option YES = Option.flag("yes", "do not ask for confirmation");

    @Override
    String name() {
        return "shutdown";
    }

    @Override
    String summary() {
        return "shut a server down or restart it (WTSShutdownSystem)";
    }

    @Override
    String arguments() {
        return "";
    }

    @Override
    String description() {
        return "Shuts this machine, or each --server in turn, down with WTSShutdownSystem, as shutdown\n"
                + "/s, /r and /p [/m \\\\computer] do: the system shuts down, restarts (--reboot) or powers off\n"
                + "(--poweroff), ending every session; --logoff-only only logs every client session off and\n"
                + "refuses new remote logons until Remote Desktop Services restarts. Asks for\n"
                + "confirmation on the terminal (type 'yes') unless --yes is given; not confirmed: nothing\n"
                + "happens, exit 6. Needs administrator rights (SE_SHUTDOWN_NAME).";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(REBOOT, POWEROFF, LOGOFF_ONLY, YES);
    }

    @Override
    Set<WtsShutdownFlag> prepare(Args args, Context context) throws UsageException {
        positionals(args, 0, 0, "");
        int chosen = (args.flag("reboot") ? 1 : 0) + (args.flag("poweroff") ? 1 : 0) + (args.flag("logoff-only") ? 1 : 0);
        if (chosen > 1) {
            throw new UsageException("--reboot, --poweroff and --logoff-only exclude each other");
        }
        Set<WtsShutdownFlag> flags = EnumSet.of(args.flag("reboot") ? WtsShutdownFlag.REBOOT
                : args.flag("poweroff") ? WtsShutdownFlag.POWEROFF
                : args.flag("logoff-only") ? WtsShutdownFlag.LOGOFF : WtsShutdownFlag.SHUTDOWN);
        if (!args.flag("yes")) {
            String where = context.servers().isEmpty() ? "this machine" : String.join(", ", context.servers());
            context.err().print(Cli.PROGRAM + ": " + verb(flags) + " " + where
                    + "? Every session is logged off. Type 'yes' to go on: ");
            context.err().flush();
            String answer = Context.read(context.in(), true).strip().toLowerCase(Locale.ROOT);
            if (!answer.equals("yes") && !answer.equals("y")) {
                throw new Cli.Declined("not confirmed: nothing done (--yes skips the question)");
            }
        }
        return flags;
    }

    private static String verb(Set<WtsShutdownFlag> flags) {
        return flags.contains(WtsShutdownFlag.REBOOT) ? "Restart" : flags.contains(WtsShutdownFlag.POWEROFF) ? "Power off"
                : flags.contains(WtsShutdownFlag.LOGOFF) ? "Log every session off on" : "Shut down";
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Set<WtsShutdownFlag> flags) {
        String flag = flags.iterator().next().name();
        try {
            server.shutdown(flags);
            return List.of(Outcome.ok(name, "shutdown started (" + flag + ")", "flags", flag));
        } catch (WtsException e) {
            return List.of(Outcome.failed(name, e, "flags", flag));
        }
    }
}
