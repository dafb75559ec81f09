package com.engagementconductor.realtime.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * A complete WebSocket text frame (RFC 6455 §5.2) as bytes. Frames a server sends are not masked, so one message's
 * frame is the same for every socket of a room: it is built once and written to each socket as is, past the frame
 * encoder (which passes bytes through untouched).
 */
final class WebSocketFrames {
    private static final int FIN_TEXT = 0x81;

    private WebSocketFrames() {}

    /** The frame carrying {@code text}; the caller owns (and releases) the buffer. */
    static ByteBuf text(ByteBufAllocator alloc, String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = alloc.directBuffer(header + length);
        frame.writeByte(FIN_TEXT);
        if (length <= 125) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126);
            frame.writeShort(length);
        } else {
            frame.writeByte(127);
            frame.writeLong(length);
        }
        ByteBufUtil.reserveAndWriteUtf8(frame, text, length);
        return frame;
    }
}
