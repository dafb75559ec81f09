package com.engagementconductor.api.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The peers whose {@code X-Forwarded-*} headers are believed ({@code TRUSTED_PROXIES}, contracts §2): IP literals
 * or CIDRs, IPv4 or IPv6. Literals are parsed without any name lookup.
 */
final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * The comma-separated list; blank means none.
     *
     * @throws IllegalArgumentException naming an entry that is neither an IP literal nor a CIDR
     */
    static TrustedProxies of(String commaSeparated) {
        List<Network> networks = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String entry = part.strip();
            if (!entry.isEmpty()) {
                networks.add(network(entry)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "TRUSTED_PROXIES entries must be IP addresses or CIDRs: \"" + entry + "\"")));
            }
        }
        return new TrustedProxies(networks);
    }

    /** Whether the peer address (an IP literal) is a listed proxy. */
    boolean trusts(@Nullable String peer) {
        Optional<InetAddress> address = literal(peer);
        if (address.isEmpty()) {
            return false;
        }
        byte[] bytes = address.get().getAddress();
        return networks.stream().anyMatch(n -> n.contains(bytes));
    }

    private static Optional<Network> network(String entry) {
        int slash = entry.indexOf('/');
        Optional<InetAddress> parsed = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = parsed.get().getAddress();
        int max = bytes.length * 8;
        if (slash < 0) {
            return Optional.of(new Network(bytes, max));
        }
        String prefix = entry.substring(slash + 1);
        if (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > max) {
            return Optional.empty();
        }
        return Optional.of(new Network(bytes, Integer.parseInt(prefix)));
    }

    /** An IPv4 or IPv6 literal; the patterns admit no host names, so no DNS lookup happens. */
    private static Optional<InetAddress> literal(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (IPV4.matcher(s).matches()) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(s).matches() || s.startsWith(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
