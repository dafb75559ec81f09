package com.engagementconductor.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebSocketFramesTests {
    private static String decoded(String text) {
        ByteBuf frame = WebSocketFrames.text(UnpooledByteBufAllocator.DEFAULT, text);
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
        client.writeInbound(frame);
        TextWebSocketFrame read = client.readInbound();
        try {
            assertThat(read.isFinalFragment()).isTrue();
            return read.text();
        } finally {
            read.release();
        }
    }

    @Test
    void shortMediumAndLongPayloadsDecodeAsOneUnmaskedTextFrame() {
        String accents = "42/events,[\"agent.status\",{\"status\":\"MONITORING\",\"note\":\"déjà vu ✓\"}]";
        assertThat(decoded(accents)).isEqualTo(accents);
        String medium = "x".repeat(126);
        assertThat(decoded(medium)).isEqualTo(medium);
        String large = "é".repeat(40_000); // 80,000 bytes: the 64-bit length form
        assertThat(decoded(large)).isEqualTo(large);
    }

    @Test
    void theHeaderUsesTheShortestLengthForm() {
        ByteBuf small = WebSocketFrames.text(UnpooledByteBufAllocator.DEFAULT, "4");
        assertThat((int) small.getUnsignedByte(0)).isEqualTo(0x81);
        assertThat((int) small.getUnsignedByte(1)).isEqualTo(1);
        assertThat(small.readableBytes()).isEqualTo(3);
        ByteBuf medium = WebSocketFrames.text(UnpooledByteBufAllocator.DEFAULT, "y".repeat(300));
        assertThat((int) medium.getUnsignedByte(1)).isEqualTo(126);
        assertThat(medium.getUnsignedShort(2)).isEqualTo(300);
        assertThat(medium.toString(4, 300, StandardCharsets.UTF_8)).isEqualTo("y".repeat(300));
        small.release();
        medium.release();
    }
}
