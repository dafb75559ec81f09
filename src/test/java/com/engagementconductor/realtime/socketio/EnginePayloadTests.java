package com.engagementconductor.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnginePayloadTests {

    @Test
    void splitsPacketsOnTheRecordSeparator() {
        assertThat(EnginePayload.split("4hello\u001e2\u001e6")).containsExactly("4hello", "2", "6");
        assertThat(EnginePayload.split("42/events,[\"a\"]")).containsExactly("42/events,[\"a\"]");
    }

    @Test
    void joinsPacketsWithTheRecordSeparator() {
        assertThat(EnginePayload.join(List.of("4a", "2", "6"))).isEqualTo("4a\u001e2\u001e6");
        assertThat(EnginePayload.join(List.of("1"))).isEqualTo("1");
        assertThat(EnginePayload.join(List.of())).isEmpty();
    }

    @Test
    void joinKeepsEveryPacketOfALargeQueue() {
        Random random = new Random(42);
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            packets.add("42/events,[\"seq\"," + random.nextInt(1_000_000) + "]");
        }

        assertThat(EnginePayload.split(EnginePayload.join(packets))).containsExactlyElementsOf(packets);
    }

    @Test
    void rejectsEmptyPackets() {
        assertThatThrownBy(() -> EnginePayload.split("")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> EnginePayload.split("4a\u001e\u001e4b")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> EnginePayload.split("4a\u001e")).isInstanceOf(MalformedPacketException.class);
    }
}
