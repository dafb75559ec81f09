package com.engagementconductor.scoring;

import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Instant;

/**
 * A live session was scored at a tick. Published on the session's lane; listeners run there too.
 *
 * @param fed whether the detector consumes this tick: a full window and enough audience (R1.9, R1.10)
 * @param seq the sequence number stamped on the published {@code engagement:update}
 */
public record EngagementScored(
        String sessionId, String eventId, Instant at, SignalsSnapshot signals, Score score, boolean fed, long seq) {}
