package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the test's own Java, run as a user runs the tool: no JAVA_TOOL_OPTIONS (its
 * "Picked up …" would add a line to stderr), stdout and stderr kept apart.
 */
final class ChildJvm {
    record Result(int code, String out, String err) {
    }

    private ChildJvm() {
    }

    /** Runs {@code java args…}; fails the test if it has not exited within the given seconds. */
    static Result java(long exitWithinSeconds, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        File err = File.createTempFile("wts-cli", ".err");
        try {
            Process child = builder.redirectError(err).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(exitWithinSeconds, TimeUnit.SECONDS), "did not exit: " + command);
            return new Result(child.exitValue(), out, Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err.toPath());
        }
    }
}
