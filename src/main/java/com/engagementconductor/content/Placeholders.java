package com.engagementconductor.content;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The values of the template placeholders of R6.5, filled at decision time. */
final class Placeholders {

    /** A longer title is shortened so that every notification body stays within 200 characters. */
    static final int MAX_TITLE = 120;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|pct|minutes|score|leavers)}");
    private static final long DECLINE_FIT_MILLIS = 150_000;

    private Placeholders() {}

    /** Replaces every placeholder in one pass, so a title that itself contains {@code {pct}} stays as written. */
    static String fill(String template, ContentRequest request) {
        Map<String, String> values = Map.of(
                "title", title(request.title()),
                "pct", Long.toString(pct(request)),
                "minutes", Long.toString(minutes(request)),
                "score", Decimals.displayScale(request.score()),
                "leavers", Integer.toString(request.effectiveLeaves()));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The title on one line, else "this session"; shortened with an ellipsis past {@link #MAX_TITLE} characters. */
    static String title(@Nullable String title) {
        String oneLine = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "this session";
        }
        if (Text.length(oneLine) <= MAX_TITLE) {
            return oneLine;
        }
        int end = oneLine.offsetByCodePoints(0, MAX_TITLE - 1);
        return oneLine.substring(0, end).stripTrailing() + "…";
    }

    /**
     * {@code SUDDEN_DROP}: the fall against the score 60 s earlier, 100 × (p60 − p) ÷ p60, rounded (0 without an earlier
     * score, never negative); {@code MASS_EXIT} and others: 100 × leave rate, rounded.
     */
    static long pct(ContentRequest request) {
        if (request.anomalyType() != AnomalyKind.SUDDEN_DROP) {
            return Decimals.wholeHalfUp(100 * request.leaveRate());
        }
        Double before = request.scoreSixtySecondsAgo();
        if (before == null || Decimals.round9(before) <= 0) {
            return 0;
        }
        long fall = Decimals.wholeHalfUp(100 * (before - request.score()) / before);
        return Math.max(0, fall);
    }

    /** ⌊(150 s + (now − onset)) ÷ 60⌋: 2 at the raise; an onset after now counts as now. */
    static long minutes(ContentRequest request) {
        Instant onset = request.anomalyOnset();
        long sinceOnset = onset == null
                ? 0
                : Math.max(0, Duration.between(onset, request.now()).toMillis());
        return (DECLINE_FIT_MILLIS + sinceOnset) / 60_000;
    }
}
