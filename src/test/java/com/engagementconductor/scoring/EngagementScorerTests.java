package com.engagementconductor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.engagementconductor.signals.SessionWindow;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalType;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngagementScorerTests {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static SignalsSnapshot snapshot(
            int connected,
            int atStart,
            int chat,
            int questions,
            int upvotes,
            int reactions,
            int active,
            int spontaneous,
            boolean pollOpen,
            double poll,
            int leaves,
            double leaveRate) {
        return new SignalsSnapshot(
                T,
                connected,
                atStart,
                chat,
                questions,
                upvotes,
                reactions,
                active,
                spontaneous,
                pollOpen,
                poll,
                0,
                leaves,
                leaveRate,
                false);
    }

    @Test
    void v1WorkedExample() {
        assertThat(EngagementScorer.v1(5, 0.5, 10, 10, 2, 0.1)).isCloseTo(0.587371, within(1e-6));
        assertThat(Math.log(6) / Math.log(21)).isCloseTo(0.588519, within(1e-6));
        assertThat(Math.log(3) / Math.log(11)).isCloseTo(0.458157, within(1e-6));
    }

    @Test
    void v2WorkedExample() {
        SignalsSnapshot s = snapshot(120, 125, 5, 1, 1, 9, 27, 24, true, 0.30, 6, 6 / 125.0);
        Score v2 = new EngagementScorer(ScoreVersion.V2).score(s);
        assertThat(v2.chatN()).isCloseTo(0.815465, within(1e-6));
        assertThat(v2.reactN()).isCloseTo(0.805598, within(1e-6));
        assertThat(v2.published()).isCloseTo(0.582899, within(1e-6));
        assertThat(v2.category()).isEqualTo(EngagementCategory.MODERATE);
        assertThat(Math.round(v2.published() * 1000) / 10.0).isEqualTo(58.3);
        assertThat(v2.detection()).isCloseTo(0.751917, within(1e-6));
        assertThat(v2.activeN()).isCloseTo(0.666667, within(1e-6));

        Score v1 = new EngagementScorer(ScoreVersion.V1).score(s);
        assertThat(v1.published()).isCloseTo(0.399031, within(1e-6));
        assertThat(v1.detection())
                .as("the detection score does not depend on the formula")
                .isEqualTo(v2.detection());
    }

    @Test
    void sizeMattersForTheChatTerm() {
        double v1ChatTerm = 0.30 * Math.min(1, Math.log(21) / Math.log(21));
        assertThat(v1ChatTerm).isCloseTo(0.300, within(1e-9));
        double v2ChatTerm = 0.30 * EngagementScorer.chatTerm(20, 2000);
        assertThat(v2ChatTerm).isCloseTo(0.094639, within(1e-6));
        SignalsSnapshot s = snapshot(2000, 2000, 20, 0, 0, 0, 0, 0, false, 0, 0, 0);
        assertThat(new EngagementScorer(ScoreVersion.V2).score(s).published()).isCloseTo(0.145599, within(1e-6));
    }

    @Test
    void categoryBoundaries() {
        assertThat(EngagementCategory.of(0.8)).isEqualTo(EngagementCategory.VERY_HIGH);
        assertThat(EngagementCategory.of(0.7999)).isEqualTo(EngagementCategory.HIGH);
        assertThat(EngagementCategory.of(0.2)).isEqualTo(EngagementCategory.LOW);
        assertThat(EngagementCategory.of(0.1999)).isEqualTo(EngagementCategory.VERY_LOW);
        assertThat(EngagementCategory.of(0.6)).isEqualTo(EngagementCategory.HIGH);
        assertThat(EngagementCategory.of(0.4)).isEqualTo(EngagementCategory.MODERATE);
        assertThat(EngagementCategory.of(0.7999999999))
                .as("rounded to 9 decimals first")
                .isEqualTo(EngagementCategory.VERY_HIGH);
    }

    @Test
    void aSilentRoomScoresZeroSixtySecondsAfterTheLastMessage() {
        SessionWindow w = new SessionWindow(T.minusSeconds(300));
        for (int u = 0; u < 50; u++) {
            w.record(Signal.of(SignalType.JOIN, "s", "u" + u, T.minusSeconds(300)));
        }
        for (int sec = -240; sec <= 0; sec++) {
            w.record(Signal.of(SignalType.CHAT, "s", "u" + Math.floorMod(sec, 50), T.plusSeconds(sec)));
        }
        EngagementScorer scorer = new EngagementScorer(ScoreVersion.V2);
        assertThat(scorer.score(w.sample(T)).published()).isGreaterThan(0.5);
        assertThat(scorer.score(w.sample(T.plusSeconds(30))).published()).isBetween(0.0, 0.9);
        assertThat(scorer.score(w.sample(T.plusSeconds(60))).published()).isEqualTo(0.0);
    }

    @Test
    void anEmptyRoomScoresZero() {
        Score s = new EngagementScorer(ScoreVersion.V2).score(snapshot(0, 0, 5, 0, 0, 3, 0, 0, false, 0, 0, 0));
        assertThat(s.published()).isZero();
        assertThat(s.detection()).isZero();
    }

    @Test
    void aLivelyRoomWithoutAPollCanReachVeryHigh() {
        SignalsSnapshot s = snapshot(100, 100, 8, 0, 0, 15, 30, 30, false, 0, 0, 0);
        assertThat(new EngagementScorer(ScoreVersion.V2).score(s).category()).isEqualTo(EngagementCategory.VERY_HIGH);
    }
}
