package io.github.wtsbridge;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The network address of a session's client (WTS_CLIENT_ADDRESS).
 *
 * <p>Windows stores an IPv4 address at {@code Address[2..5]} (not at the start) and an IPv6
 * address at {@code Address[0..15]}; {@link #address()} applies that. Console sessions and
 * clients behind an RD Gateway have no address ({@link #FAMILY_UNSPEC}).
 *
 * <p>Hosts before Windows 8 / Server 2012 (NT 6.0 and 6.1: Vista, 7, Server 2008 and 2008 R2)
 * report IPv6 differently: Microsoft's KB 951422 shows the address starting at
 * {@code Address[2]}, like IPv4, with a run of zero groups ("::") written as one zero group —
 * so {@code fe80::385f:e84b:ac02:f69c} arrives as {@code 00 00 FE 80 00 00 38 5F …} and
 * cannot be told from two other addresses (pywin32 issue 664 saw the same on Server 2008).
 * {@link #address()} reads the layout of Windows 8 / 2012 and later; for a reply from an
 * older host use {@link #address(String, String)}, which gives no IPv6 address rather than a
 * wrong one. IPv4 is at {@code Address[2]} on every version.
 *
 * @param family the address family: {@link #FAMILY_INET}, {@link #FAMILY_INET6},
 *               {@link #FAMILY_UNSPEC} or another AF_* value Windows reported
 * @param raw    the 20 address bytes exactly as Windows returned them
 */
public record WtsClientAddress(int family, byte[] raw) {
    /** AF_UNSPEC: no address. */
    public static final int FAMILY_UNSPEC = 0;
    /** AF_INET. */
    public static final int FAMILY_INET = 2;
    /** AF_INET6 (23 on Windows). */
    public static final int FAMILY_INET6 = 23;

    /**
     * Checks and copies the address bytes.
     *
     * @throws IllegalArgumentException if {@code raw} is null or not exactly 20 bytes long
     */
    public WtsClientAddress {
        if (raw == null || raw.length != 20) {
            throw new IllegalArgumentException("raw must be the 20 address bytes");
        }
        raw = raw.clone();
    }

    /**
     * The address bytes as Windows returned them.
     *
     * @return a fresh copy of WTS_CLIENT_ADDRESS.Address, always 20 bytes (changing it changes
     *         nothing here)
     */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * The client's IP address, read with the layout of Windows 8 / Server 2012 and later.
     *
     * @return an {@link java.net.Inet4Address} from {@code Address[2..5]} for {@link #FAMILY_INET},
     *         an {@link java.net.Inet6Address} from {@code Address[0..15]} for {@link #FAMILY_INET6};
     *         empty for {@link #FAMILY_UNSPEC} (console sessions, clients behind an RD Gateway) or
     *         any other family
     */
    public Optional<InetAddress> address() {
        try {
            if (family == FAMILY_INET) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(raw, 2, 6)));
            }
            if (family == FAMILY_INET6) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(raw, 0, 16)));
            }
        } catch (java.net.UnknownHostException impossible) {
            throw new AssertionError("4 and 16 bytes are valid address lengths", impossible);
        }
        return Optional.empty();
    }

    /**
     * The client's IP address as a host of the given {@code os.name} / {@code os.version}
     * (e.g. "Windows Server 2008 R2" / "6.1") reports it: for NT 6.0 and 6.1 an IPv6 reply is
     * ambiguous (see above) and gives empty; everything else as {@link #address()}.
     *
     * @param osName    the reporting host's {@code os.name}, e.g. "Windows Server 2008 R2"; null
     *                  is read as not Windows
     * @param osVersion the reporting host's {@code os.version}, e.g. "6.1"
     * @return the address as {@link #address()} reads it; empty for an IPv6 address from an
     *         NT 6.0 or 6.1 host, whose layout cannot be read unambiguously
     */
    public Optional<InetAddress> address(String osName, String osVersion) {
        boolean beforeWindows8 = osName != null && osName.startsWith("Windows")
                && ("6.0".equals(osVersion) || "6.1".equals(osVersion));
        return family == FAMILY_INET6 && beforeWindows8 ? Optional.empty() : address();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WtsClientAddress that && family == that.family && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return 31 * family + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "WtsClientAddress[family=" + family + ", address=" + address().map(InetAddress::getHostAddress).orElse("none") + "]";
    }
}
