package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsHotkey;
import io.github.wtsbridge.WtsHotkeyModifier;
import io.github.wtsbridge.WtsServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code shadow SESSION}: WTSStartRemoteControlSessionW, like shadow. */
final class ShadowCommand extends ActionCommand<ShadowCommand.Plan> {
    private static final Option HOTKEY = Option.value("hotkey", "KEYS",
            "the keys that end the remote control, e.g. ctrl+shift+f12 (default ctrl+*, * of the numeric keypad)");

    record Plan(Targets.Target session, WtsHotkey hotkey) {
    }

    @Override
    String name() {
        return "shadow";
    }

    @Override
    String summary() {
        return "remote-control (shadow) another session (like shadow)";
    }

    @Override
    String arguments() {
        return "SESSION";
    }

    @Override
    String description() {
        return "Starts remote control of session SESSION (an id or a session name) from this tool's own\n"
                + "session, on this machine or on --server, with WTSStartRemoteControlSessionW, as shadow\n"
                + "does; the hotkey (--hotkey, default Ctrl+* of the numeric keypad) ends it. Must run in\n"
                + "a remote session; the user is asked to allow it unless policy says otherwise.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(HOTKEY);
    }

    @Override
    Plan prepare(Args args, Context context) throws UsageException {
        List<String> given = positionals(args, 1, 1, "SESSION (a session id or name, see 'sessions')");
        if (args.all("server").size() > 1) {
            throw new UsageException("shadow reaches one session: give at most one --server");
        }
        Targets.Target session = Targets.parse(given.get(0), "SESSION", false);
        return new Plan(session, args.value("hotkey").isPresent() ? hotkey(args.value("hotkey").get()) : WtsHotkey.DEFAULT);
    }

    /** MODIFIER+...+KEY: ctrl, shift, alt; a key: *, a letter, a digit, f1-f24, or a virtual-key code (0x6A). */
    static WtsHotkey hotkey(String text) throws UsageException {
        String[] parts = text.toLowerCase(Locale.ROOT).split("\\+", -1);
        Set<WtsHotkeyModifier> modifiers = EnumSet.noneOf(WtsHotkeyModifier.class);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty() && i == parts.length - 1 && i > 0 && parts[i - 1].isEmpty()) {
                continue; // "ctrl++": the + key is not one of ours anyway
            }
            switch (part) {
                case "ctrl", "control" -> modifiers.add(WtsHotkeyModifier.CTRL);
                case "shift" -> modifiers.add(WtsHotkeyModifier.SHIFT);
                case "alt" -> modifiers.add(WtsHotkeyModifier.ALT);
                default -> keys.add(part);
            }
        }
        if (keys.size() != 1 || modifiers.isEmpty()) {
            throw new UsageException("--hotkey needs modifiers and one key, e.g. ctrl+* or ctrl+shift+f12, not '" + text + "'");
        }
        String key = keys.get(0);
        int vk = -1;
        if (key.equals("*") || key.equals("multiply")) {
            vk = WtsHotkey.VK_MULTIPLY;
        } else if (key.length() == 1 && (Character.isLetter(key.charAt(0)) && key.charAt(0) < 128 || Character.isDigit(key.charAt(0)))) {
            vk = Character.toUpperCase(key.charAt(0)); // VK_A..VK_Z, VK_0..VK_9 are the ASCII codes
        } else if (key.matches("f([1-9]|1[0-9]|2[0-4])")) {
            vk = 0x70 + Integer.parseInt(key.substring(1)) - 1; // VK_F1 = 0x70
        } else if (key.matches("0x[0-9a-f]{1,2}")) {
            vk = Integer.parseInt(key.substring(2), 16);
        }
        if (vk < 1 || vk > 254) {
            throw new UsageException("--hotkey: unknown key '" + key + "' (*, a letter, a digit, f1-f24 or 0x01-0xFE)");
        }
        return new WtsHotkey(vk, modifiers);
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Plan plan) {
        int session = Targets.resolve(server, List.of(plan.session()), false, s -> true).get(0);
        try {
            server.session(session).startRemoteControl(plan.hotkey());
            return List.of(Outcome.ok(name, "remote control of session " + session + " started", "sessionId", session));
        } catch (WtsException e) {
            return List.of(Outcome.failed(name, e, "sessionId", session));
        }
    }
}
