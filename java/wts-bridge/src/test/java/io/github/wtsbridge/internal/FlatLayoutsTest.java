package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The flat records' slots are declared once, in native/include/flat_layouts.h (C uses that
 * header itself); {@link FlatLayouts} is generated from it by {@link #render} and committed.
 * This test reads the table and fails, naming the record and the slot, wherever the compiled
 * {@link FlatLayouts} says otherwise; then it compares the whole source with a fresh rendering.
 * {@code -Dwts.layouts.write=true} rewrites FlatLayouts.java (and still fails, so that a build
 * never passes on a file it has just changed).
 */
class FlatLayoutsTest {
    /** The checkout (Surefire passes -Dwts.root; a module runs two levels below it). */
    static final Path ROOT = Path.of(System.getProperty("wts.root", "../.."));
    static final Path TABLE = ROOT.resolve("native/include/flat_layouts.h");
    static final Path JAVA = ROOT.resolve("java/wts-bridge/src/main/java/io/github/wtsbridge/internal/FlatLayouts.java");

    private static final Pattern TABLE_START = Pattern.compile("^#define WTS_FLAT_(\\w+)\\(X, p\\)\\s*\\\\?\\s*$");
    private static final Pattern SLOT = Pattern.compile("^\\s*X\\(p, (\\w+), (\\w+)\\)\\s*(\\\\?)\\s*$");

    record Slot(String name, String member) {
    }

    /** The tables in file order: WTS_FLAT_&lt;RECORD&gt; without the prefix → its slots in order. */
    static Map<String, List<Slot>> readTable(Path file) throws IOException {
        Map<String, List<Slot>> tables = new LinkedHashMap<>();
        List<Slot> current = null;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            Matcher start = TABLE_START.matcher(line);
            if (start.matches()) {
                current = new ArrayList<>();
                if (tables.put(start.group(1), current) != null) {
                    fail(file + ":" + lineNumber + ": WTS_FLAT_" + start.group(1) + " declared twice");
                }
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher slot = SLOT.matcher(line);
            if (!slot.matches()) {
                fail(file + ":" + lineNumber + ": not a slot line X(p, NAME, Member): " + line.trim());
            }
            for (Slot s : current) {
                if (s.name().equals(slot.group(1))) {
                    fail(file + ":" + lineNumber + ": slot " + s.name() + " twice in one table");
                }
            }
            current.add(new Slot(slot.group(1), slot.group(2)));
            if (slot.group(3).isEmpty()) {
                current = null; // the last line of the macro has no continuation
            }
        }
        assertTrue(!tables.isEmpty(), "no WTS_FLAT_ tables in " + file);
        return tables;
    }

    static String render(Map<String, List<Slot>> tables) {
        StringBuilder out = new StringBuilder();
        out.append("package io.github.wtsbridge.internal;\n\n");
        out.append("/**\n");
        out.append(" * The slots of the flat records the natives fill: GENERATED from native/include/flat_layouts.h,\n");
        out.append(" * one constant per slot, named TABLE_SLOT (WTS_FLAT_SESSION_INFO_NUMBERS' LOGON_TIME is\n");
        out.append(" * SESSION_INFO_NUMBERS_LOGON_TIME), and TABLE_COUNT, the slots per record. One class of\n");
        out.append(" * compile-time constants: javac inlines them, nothing loads it. Do not edit: change the\n");
        out.append(" * table, then run {@code mvn -o -q test -Dtest=FlatLayoutsTest -Dwts.layouts.write=true};\n");
        out.append(" * FlatLayoutsTest fails, naming the slot, while this file and the table differ.\n");
        out.append(" */\n");
        out.append("public final class FlatLayouts {\n");
        out.append("    private FlatLayouts() {\n    }\n");
        for (Map.Entry<String, List<Slot>> table : tables.entrySet()) {
            out.append("\n    // WTS_FLAT_").append(table.getKey()).append("\n");
            List<Slot> slots = table.getValue();
            for (int i = 0; i < slots.size(); i++) {
                out.append("    /** ").append(slots.get(i).member()).append(". */\n");
                out.append("    public static final int ").append(table.getKey()).append('_').append(slots.get(i).name())
                        .append(" = ").append(i).append(";\n");
            }
            out.append("    /** Slots per record. */\n");
            out.append("    public static final int ").append(table.getKey()).append("_COUNT = ").append(slots.size())
                    .append(";\n");
        }
        out.append("}\n");
        return out.toString();
    }

    @Test
    void compiledLayoutsMatchTheTable() throws IOException {
        Map<String, List<Slot>> tables = readTable(TABLE);
        if (Boolean.getBoolean("wts.layouts.write")) {
            Files.writeString(JAVA, render(tables), StandardCharsets.UTF_8);
            fail("wrote " + JAVA + " from " + TABLE + ": rebuild and run again");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> java = constants(FlatLayouts.class);
        for (Map.Entry<String, List<Slot>> table : tables.entrySet()) {
            String record = table.getKey();
            List<Slot> slots = table.getValue();
            for (int i = 0; i < slots.size(); i++) {
                String slot = record + "_" + slots.get(i).name();
                Integer index = java.remove(slot);
                if (index == null) {
                    problems.add(slot + ": slot " + i + " of WTS_FLAT_" + record + " in " + TABLE + ", missing in FlatLayouts");
                } else if (index != i) {
                    problems.add(slot + ": slot " + i + " of WTS_FLAT_" + record + " in " + TABLE + ", " + index
                            + " in FlatLayouts");
                }
            }
            Integer count = java.remove(record + "_COUNT");
            if (count == null || count != slots.size()) {
                problems.add(record + "_COUNT: " + slots.size() + " slots in " + TABLE + ", " + count + " in FlatLayouts");
            }
        }
        for (Map.Entry<String, Integer> extra : java.entrySet()) {
            problems.add(extra.getKey() + ": " + extra.getValue() + " in FlatLayouts, no such slot in " + TABLE);
        }
        if (!problems.isEmpty()) {
            fail("FlatLayouts and " + TABLE + " disagree:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void committedSourceIsTheRendering() throws IOException {
        assertEquals(render(readTable(TABLE)), Files.readString(JAVA, StandardCharsets.UTF_8),
                JAVA + " is not what " + TABLE + " renders: regenerate it (see FlatLayouts)");
    }

    private static Map<String, Integer> constants(Class<?> layout) {
        Map<String, Integer> constants = new LinkedHashMap<>();
        for (Field field : layout.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && field.getType() == int.class) {
                try {
                    constants.put(field.getName(), field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }
}
