package com.engagementconductor.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementconductor.realtime.socketio.SocketIoPacket.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class SocketIoPacketTests {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @Test
    void decodesConnectWithNamespaceAndAuth() {
        SocketIoPacket packet = SocketIoPacket.decode("0/events,{\"token\":\"abc\"}", MAPPER);

        assertThat(packet.type()).isEqualTo(Type.CONNECT);
        assertThat(packet.namespace()).isEqualTo("/events");
        assertThat(packet.ackId()).isEqualTo(-1);
        assertThat(packet.data().get("token").asString()).isEqualTo("abc");
    }

    @Test
    void decodesConnectWithoutAuth() {
        assertThat(SocketIoPacket.decode("0/events,", MAPPER).data()).isNull();
        assertThat(SocketIoPacket.decode("0/events", MAPPER).namespace()).isEqualTo("/events");
        assertThat(SocketIoPacket.decode("0", MAPPER).namespace()).isEqualTo("/");
    }

    @Test
    void decodesEventsWithAndWithoutAckIds() {
        SocketIoPacket withAck = SocketIoPacket.decode("2/events,12[\"vote\",{\"choice\":2}]", MAPPER);
        SocketIoPacket withoutAck = SocketIoPacket.decode("2[\"ping me\"]", MAPPER);

        assertThat(withAck.type()).isEqualTo(Type.EVENT);
        assertThat(withAck.ackId()).isEqualTo(12);
        assertThat(withAck.data().get(1).get("choice").asInt()).isEqualTo(2);
        assertThat(withoutAck.namespace()).isEqualTo("/");
        assertThat(withoutAck.ackId()).isEqualTo(-1);
        assertThat(withoutAck.data().get(0).asString()).isEqualTo("ping me");
    }

    @Test
    void decodesAcksAndDisconnects() {
        SocketIoPacket ack = SocketIoPacket.decode("3/events,7[\"ok\"]", MAPPER);
        SocketIoPacket disconnect = SocketIoPacket.decode("1/events,", MAPPER);

        assertThat(ack.type()).isEqualTo(Type.ACK);
        assertThat(ack.ackId()).isEqualTo(7);
        assertThat(disconnect.type()).isEqualTo(Type.DISCONNECT);
        assertThat(disconnect.namespace()).isEqualTo("/events");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "9",
                "x",
                "2/events,",
                "2/events,[]",
                "2/events,[1]",
                "2/events,{\"a\":1}",
                "2/events,[\"connect\"]",
                "2/events,[\"ok\"",
                "2/events,[\"ok\"]trailing",
                "0/events,[1]",
                "0/events,\"text\"",
                "1/events,{}",
                "3/events,[\"no ack id\"]",
                "3/events,1{}",
                "4/events,",
                "51-[\"bin\",{\"_placeholder\":true,\"num\":0}]",
                "61-0[{\"_placeholder\":true,\"num\":0}]",
                "2/events,1234567890123456[\"too long an ack id\"]"
            })
    void rejectsMalformedPacketsCleanly(String text) {
        assertThatThrownBy(() -> SocketIoPacket.decode(text, MAPPER)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void encodesEventsWithTheNamespacePrefix() {
        assertThat(SocketIoPacket.event("/events", "score", "{\"v\":1}")).isEqualTo("42/events,[\"score\",{\"v\":1}]");
        assertThat(SocketIoPacket.event("/", "score", "1")).isEqualTo("42[\"score\",1]");
        assertThat(SocketIoPacket.event("/events", "done", null)).isEqualTo("42/events,[\"done\"]");
        assertThat(SocketIoPacket.event("/events", "say \"hi\"\n", "true"))
                .isEqualTo("42/events,[\"say \\\"hi\\\"\\n\",true]");
    }

    @Test
    void encodesAcksConnectsAndErrors() {
        assertThat(SocketIoPacket.ack("/events", 12, "\"ok\"")).isEqualTo("43/events,12[\"ok\"]");
        assertThat(SocketIoPacket.ack("/events", 0, null)).isEqualTo("43/events,0[]");
        assertThat(SocketIoPacket.message(Type.CONNECT, "/events", -1, "{\"sid\":\"s1\"}"))
                .isEqualTo("40/events,{\"sid\":\"s1\"}");
        assertThat(SocketIoPacket.message(Type.DISCONNECT, "/events", -1, null)).isEqualTo("41/events,");
        assertThat(SocketIoPacket.message(Type.CONNECT_ERROR, "/", -1, "{\"message\":\"x\"}"))
                .isEqualTo("44{\"message\":\"x\"}");
    }

    @Test
    void encodedEventsDecodeBackToTheSameArguments() {
        String encoded = SocketIoPacket.event("/events", "weird \u0001 \u2028 name", "[1,\"two\",{\"3\":null}]");
        SocketIoPacket decoded = SocketIoPacket.decode(encoded.substring(1), MAPPER);

        assertThat(decoded.data().get(0).asString()).isEqualTo("weird \u0001 \u2028 name");
        assertThat(decoded.data().get(1).toString()).isEqualTo("[1,\"two\",{\"3\":null}]");
    }

    @Test
    void refusesToEmitReservedEventNames() {
        for (String reserved : SocketIoPacket.RESERVED_EVENTS) {
            assertThatThrownBy(() -> SocketIoPacket.event("/events", reserved, "1"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
