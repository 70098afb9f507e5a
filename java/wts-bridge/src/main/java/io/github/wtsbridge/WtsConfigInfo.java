package io.github.wtsbridge;

import java.util.Objects;

/**
 * WTSCONFIGINFO (WTSConfigInfo): a session's configuration.
 *
 * @param version                         the structure's version field
 * @param connectClientDrivesAtLogon      client drives are mapped at logon
 * @param connectPrinterAtLogon           client printers are mapped at logon
 * @param disablePrinterRedirection       printer redirection is off
 * @param disableDefaultMainClientPrinter the client's default printer is not the session's default
 * @param shadow                          the remote-control setting
 * @param rawShadowSettings               ShadowSettings as Windows returned it
 * @param logonUserName                   the user name used at logon
 * @param logonDomain                     the domain used at logon
 * @param workDirectory                   the initial program's directory
 * @param initialProgram                  the initial program
 * @param applicationName                 the published application
 */
public record WtsConfigInfo(long version, boolean connectClientDrivesAtLogon, boolean connectPrinterAtLogon,
                            boolean disablePrinterRedirection, boolean disableDefaultMainClientPrinter,
                            WtsShadowMode shadow, long rawShadowSettings, String logonUserName,
                            String logonDomain, String workDirectory, String initialProgram,
                            String applicationName) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code shadow} or a String is null (Windows' empty fields
     *                              arrive as empty strings)
     */
    public WtsConfigInfo {
        Objects.requireNonNull(shadow, "shadow");
        Objects.requireNonNull(logonUserName, "logonUserName");
        Objects.requireNonNull(logonDomain, "logonDomain");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(initialProgram, "initialProgram");
        Objects.requireNonNull(applicationName, "applicationName");
    }
}
