package com.engagementconductor.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One session's recently used content: the last 10 poll questions (R6.5) and, per anomaly type, the order in which
 * its two broadcasts were used. Bounded; not thread-safe, so confine it to its session.
 */
public final class ContentHistory {

    /** How many recent poll questions a template poll may not repeat (R6.5). */
    public static final int REMEMBERED_QUESTIONS = 10;

    private static final int REMEMBERED_BROADCASTS = 2;

    private final RecentlyUsed questions = new RecentlyUsed(REMEMBERED_QUESTIONS);
    private final Map<AnomalyKind, RecentlyUsed> broadcasts = new EnumMap<>(AnomalyKind.class);

    /** Records a poll question the session used, whatever produced it (template, model or organizer). */
    public void recordQuestion(String question) {
        questions.use(question);
    }

    /** The remembered questions, oldest first, normalized (trimmed, single spaces, lower case). */
    public List<String> recentQuestions() {
        return questions.keys();
    }

    public boolean usedRecently(String question) {
        return questions.contains(question);
    }

    RecentlyUsed questions() {
        return questions;
    }

    RecentlyUsed broadcasts(AnomalyKind type) {
        return broadcasts.computeIfAbsent(type, t -> new RecentlyUsed(REMEMBERED_BROADCASTS));
    }
}
