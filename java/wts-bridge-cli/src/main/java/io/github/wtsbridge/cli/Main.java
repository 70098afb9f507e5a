package io.github.wtsbridge.cli;

import java.time.ZoneId;

/** Entry point of the fat jar: {@code java -jar wts-bridge-<version>-all.jar <command> ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The fat jar ships slf4j-api without a binding: keep its three-line "no providers"
        // warning off the tool's stderr (an explicit setting or a real binding still wins).
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        int code = new Cli(System.out, System.err, ZoneId.systemDefault()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
