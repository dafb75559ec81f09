package com.engagementconductor.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The client IP of a request under {@code TRUSTED_PROXIES} (contracts §2): the peer's address, unless the peer
 * itself is a listed proxy; then the right-most {@code X-Forwarded-For} entry that is not listed. Entries are
 * IP literals or CIDRs, IPv4 or IPv6; literals are parsed without any name lookup.
 */
public final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");

    /** One IP/CIDR entry of the list: the network address and the number of leading bits that must match. */
    private record Network(byte[] address, int prefix) {
        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != address.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[whole] & mask) == (address[whole] & mask);
        }
    }

    private final List<Network> trusted;

    private ClientAddress(List<Network> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** No trusted proxy: {@code X-Forwarded-For} is ignored and the peer is the client. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /** The comma-separated list of {@code TRUSTED_PROXIES}; blank means none. */
    public static ClientAddress trusting(String commaSeparated) {
        List<String> entries = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                entries.add(part.strip());
            }
        }
        return trusting(entries);
    }

    /** The given IPs and CIDRs; throws {@link IllegalArgumentException} naming an entry that is neither. */
    public static ClientAddress trusting(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries) {
            networks.add(network(entry)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "TRUSTED_PROXIES entries must be IP addresses or CIDRs: \"" + entry + "\"")));
        }
        return new ClientAddress(networks);
    }

    /** Whether {@code entry} is an IP literal or a CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    public static boolean isIpOrCidr(String entry) {
        return network(entry).isPresent();
    }

    /** The client IP of {@code request}. */
    public String of(HttpServletRequest request) {
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            forwarded.add(header);
        }
        return resolve(request.getRemoteAddr(), forwarded);
    }

    /**
     * The client IP for a connection from {@code peer} that carried the {@code X-Forwarded-For} header lines
     * {@code forwardedFor} (in order; each a comma-separated list). An entry that is no IP literal stops the walk:
     * what lies left of it cannot be trusted, so the last trusted hop is answered instead.
     */
    public String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = literal(peer);
        String client = peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get()) || forwardedFor.isEmpty()) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return client;
            }
        }
        return client; // every hop is a listed proxy: the left-most one is where the request entered
    }

    /** Whether {@code ip} (a literal) lies in the list. */
    public boolean isTrusted(String ip) {
        return literal(ip).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        for (Network network : trusted) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Network> network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        Optional<InetAddress> parsed = literal(address);
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

    /**
     * An IPv4 or IPv6 literal; the patterns admit only digits, hex digits, ':' and '.', so {@link InetAddress}
     * never asks DNS. An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) comes back as IPv4.
     */
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

    /** {@code 1.2.3.4:5678} and {@code [::1]:80} as some proxies write them; a bare IPv6 literal is kept. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        if (colon > 0
                && colon == hop.lastIndexOf(':')
                && IPV4.matcher(hop.substring(0, colon)).matches()) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
