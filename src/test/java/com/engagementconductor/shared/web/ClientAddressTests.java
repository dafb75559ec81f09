package com.engagementconductor.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The client-IP rule of contracts §2: X-Forwarded-For counts only from a listed peer, right-most unlisted hop wins. */
class ClientAddressTests {
    private final ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8, 192.168.1.7, fd00::/8, ::1");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        ClientAddress direct = ClientAddress.trusting("");
        assertThat(direct.resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.direct().resolve("10.0.0.1", List.of("198.51.100.1")))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(proxies.resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("192.168.1.8", List.of("198.51.100.1"))).isEqualTo("192.168.1.8");
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsItselfTheClient() {
        assertThat(proxies.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void theRightMostHopNotInTheListWinsOverSpoofedEntriesToItsLeft() {
        assertThat(proxies.resolve("10.0.0.5", List.of("1.1.1.1, 198.51.100.7, 10.2.0.1")))
                .isEqualTo("198.51.100.7");
        assertThat(proxies.resolve("192.168.1.7", List.of("1.1.1.1", "198.51.100.7", "10.2.0.1")))
                .as("several header lines read as one list, in order")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void cidrBoundariesAreExact() {
        ClientAddress narrow = ClientAddress.trusting("172.16.0.0/12");
        assertThat(narrow.isTrusted("172.31.255.255")).isTrue();
        assertThat(narrow.isTrusted("172.32.0.0")).isFalse();
        assertThat(narrow.isTrusted("172.15.255.255")).isFalse();
        assertThat(ClientAddress.trusting("0.0.0.0/0").isTrusted("8.8.8.8")).isTrue();
        assertThat(ClientAddress.trusting("10.0.0.1/32").isTrusted("10.0.0.2")).isFalse();
        assertThat(ClientAddress.trusting("192.168.4.0/23").isTrusted("192.168.5.200"))
                .isTrue();
        assertThat(ClientAddress.trusting("192.168.4.0/23").isTrusted("192.168.6.1"))
                .isFalse();
    }

    @Test
    void ipv6PeersAndHopsAndMappedAddresses() {
        assertThat(proxies.resolve("fd12:3456::1", List.of("2001:db8::7, fd00::2")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(proxies.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(proxies.resolve("fe80::1", List.of("2001:db8::7"))).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(proxies.isTrusted("::ffff:10.9.9.9"))
                .as("an IPv4-mapped address is its IPv4 address")
                .isTrue();
        assertThat(proxies.isTrusted("2001:db8::1")).isFalse();
        assertThat(ClientAddress.trusting("10.0.0.0/8").isTrusted("::1"))
                .as("families never match")
                .isFalse();
    }

    @Test
    void portsWrittenByProxiesAreDropped() {
        assertThat(proxies.resolve("10.0.0.5", List.of("198.51.100.7:51234"))).isEqualTo("198.51.100.7");
        assertThat(proxies.resolve("10.0.0.5", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aGarbageHopStopsTheWalkAtTheLastTrustedHop() {
        assertThat(proxies.resolve("10.0.0.5", List.of("198.51.100.7, unknown, 10.0.0.6")))
                .isEqualTo("10.0.0.6");
        assertThat(proxies.resolve("10.0.0.5", List.of("evil.example"))).isEqualTo("10.0.0.5");
    }

    @Test
    void whenEveryHopIsAProxyTheLeftMostIsTheClient() {
        assertThat(proxies.resolve("10.0.0.5", List.of("10.0.0.9, 10.0.0.8"))).isEqualTo("10.0.0.9");
    }

    @Test
    void readsThePeerAndTheHeaderLinesOfAServletRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/agent/sessions");
        request.setRemoteAddr("10.0.0.5");
        request.addHeader("X-Forwarded-For", "1.1.1.1, 198.51.100.7");
        request.addHeader("X-Forwarded-For", "10.0.0.4");
        assertThat(proxies.of(request)).isEqualTo("198.51.100.7");
        request.setRemoteAddr("203.0.113.1");
        assertThat(proxies.of(request)).isEqualTo("203.0.113.1");
    }

    @Test
    void entriesMustBeIpLiteralsOrCidrsAndNeverHostNames() {
        assertThat(ClientAddress.isIpOrCidr("10.0.0.0/8")).isTrue();
        assertThat(ClientAddress.isIpOrCidr("fd00::/8")).isTrue();
        assertThat(ClientAddress.isIpOrCidr("::1")).isTrue();
        assertThat(ClientAddress.isIpOrCidr("10.0.0.0/33")).isFalse();
        assertThat(ClientAddress.isIpOrCidr("fd00::/129")).isFalse();
        assertThat(ClientAddress.isIpOrCidr("256.0.0.1")).isFalse();
        assertThat(ClientAddress.isIpOrCidr("localhost")).isFalse();
        assertThat(ClientAddress.isIpOrCidr("10.0.0.0/")).isFalse();
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.1, proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
    }
}
