package com.engagementconductor.realtime.socketio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Engine.IO v4 HTTP payloads: text packets joined by the record separator {@code \x1e}. */
final class EnginePayload {
    static final char SEPARATOR = '\u001e';

    private EnginePayload() {}

    /** Splits a payload into its packets; an empty packet is malformed. */
    static List<String> split(String payload) {
        List<String> packets = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = payload.indexOf(SEPARATOR, start);
            String packet = end < 0 ? payload.substring(start) : payload.substring(start, end);
            if (packet.isEmpty()) {
                throw new MalformedPacketException("empty packet in payload");
            }
            packets.add(packet);
            if (end < 0) {
                return packets;
            }
            start = end + 1;
        }
    }

    static String join(Collection<String> packets) {
        int length = packets.size();
        for (String packet : packets) {
            length += packet.length();
        }
        StringBuilder out = new StringBuilder(length);
        for (String packet : packets) {
            if (out.length() > 0) {
                out.append(SEPARATOR);
            }
            out.append(packet);
        }
        return out.toString();
    }
}
