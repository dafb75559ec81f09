package com.engagementconductor.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The fixed templates of R6.5: the 25 polls by category, and per anomaly type two broadcasts, a notification and a challenge. */
public final class TemplateLibrary {

    /** The table of R6.5 as written there: "question | option / option / …", numbered from 1 within each category. */
    private static final List<TemplatePoll> POLLS = concat(
            category(
                    PollCategory.QUICK_PULSE,
                    "QP",
                    "How is the pace right now? | Too fast / About right / Too slow",
                    "How clear is the current topic for you? | Crystal clear / Mostly clear / I'm a bit lost",
                    "What would help most in the next 10 minutes? | A live demo / A concrete example / Time for questions / A short recap",
                    "Still with us? Pick your energy level | Fully charged / Doing fine / Running low",
                    "Is the audio and video working well for you? | Yes, all good / Some glitches / Hard to follow",
                    "How would you rate the session so far? | Excellent / Good / Could be better"),
            category(
                    PollCategory.OPINION,
                    "OP",
                    "Which part of this topic should we dig into next? | The basics / Real-world cases / Pitfalls to avoid / What comes next",
                    "What is your biggest challenge with this topic? | Getting started / Scaling up / Convincing others / Measuring results",
                    "How should the rest of the session run? | More discussion / More examples / Keep the format",
                    "Which statement fits you best? | I already apply this / I plan to try it / Not relevant yet",
                    "What would make this session more useful? | More depth / Broader overview / More Q&A / Shorter segments"),
            category(
                    PollCategory.ENGAGING,
                    "EN",
                    "Prediction time: what comes next? | A surprising number / A live demo / A case study / A bold opinion",
                    "How much experience do you have with this topic? | None yet / Some / A lot / I teach it",
                    "What is your main takeaway so far? | A new idea / A practical tip / A useful resource / Still forming",
                    "Would you recommend this session to a colleague? | Definitely / Probably / Not yet",
                    "Where are you joining from today? | Home / Office / On the move / Elsewhere",
                    "Pick the next mini-challenge for the audience | Share a tip in chat / Ask a question / Vote on the next topic"),
            category(
                    PollCategory.TECH,
                    "TE",
                    "Which area matters most to your team this year? | AI and ML / Cloud / Data platforms / Security",
                    "What best describes your role? | Engineer / Manager / Data or analytics / Other",
                    "How do you mostly ship software today? | Fully automated / Partly automated / Mostly manual",
                    "Which tool should we look at more closely? | The one shown earlier / An open-source option / A managed service"),
            category(
                    PollCategory.CRISIS,
                    "CR",
                    "Before you go: what would make you stay? | A quick demo / Jump to Q&A / A short break / I'm out of time",
                    "Is this session what you expected? | Yes / Partly / Not really",
                    "Should we switch things up? | Q&A now / Show an example / Keep going",
                    "What would keep you here for 10 more minutes? | Practical examples / Your questions answered / A summary / Nothing"));

    /** Whole words, ignoring case, that make a session technical (R6.5). */
    private static final Pattern TECH_WORDS = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}_])(?:ai|ml|cloud|data|devops|engineering|software)(?![\\p{L}\\p{N}_])");

    private static final Map<AnomalyKind, TypeTemplates> BY_TYPE = byType();

    private record TypeTemplates(
            PollCategory category,
            List<String> broadcasts,
            NotificationTemplate notification,
            ChallengeTemplate challenge) {}

    private TemplateLibrary() {}

    /** All 25 polls in table order. */
    public static List<TemplatePoll> polls() {
        return POLLS;
    }

    public static Optional<TemplatePoll> poll(String id) {
        return POLLS.stream().filter(poll -> poll.id().equals(id)).findFirst();
    }

    public static List<TemplatePoll> polls(PollCategory category) {
        return POLLS.stream().filter(poll -> poll.category() == category).toList();
    }

    /** The type's category, plus {@code tech} for gradual declines and low engagement in a technical session. */
    public static List<PollCategory> categories(AnomalyKind type, @Nullable String title, @Nullable String topic) {
        List<PollCategory> categories = new ArrayList<>(2);
        categories.add(BY_TYPE.get(type).category());
        boolean techMayApply = type == AnomalyKind.GRADUAL_DECLINE || type == AnomalyKind.LOW_ENGAGEMENT;
        if (techMayApply && (isTechnical(title) || isTechnical(topic))) {
            categories.add(PollCategory.TECH);
        }
        return List.copyOf(categories);
    }

    /** The polls to choose from for an anomaly in a session with this title and topic, in table order. */
    public static List<TemplatePoll> candidates(AnomalyKind type, @Nullable String title, @Nullable String topic) {
        List<PollCategory> categories = categories(type, title, topic);
        return POLLS.stream()
                .filter(poll -> categories.contains(poll.category()))
                .toList();
    }

    static boolean isTechnical(@Nullable String text) {
        return text != null && TECH_WORDS.matcher(text).find();
    }

    /** The two broadcast messages for the type. */
    public static List<String> broadcasts(AnomalyKind type) {
        return BY_TYPE.get(type).broadcasts();
    }

    public static NotificationTemplate notification(AnomalyKind type) {
        return BY_TYPE.get(type).notification();
    }

    public static ChallengeTemplate challenge(AnomalyKind type) {
        return BY_TYPE.get(type).challenge();
    }

    private static List<TemplatePoll> category(PollCategory category, String idPrefix, String... rows) {
        List<TemplatePoll> polls = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            String[] questionAndOptions = rows[i].split(" \\| ");
            List<String> options = List.of(questionAndOptions[1].split(" / "));
            polls.add(new TemplatePoll(idPrefix + (i + 1), category, questionAndOptions[0], options));
        }
        return polls;
    }

    @SafeVarargs
    private static List<TemplatePoll> concat(List<TemplatePoll>... categories) {
        List<TemplatePoll> all = new ArrayList<>();
        for (List<TemplatePoll> category : categories) {
            all.addAll(category);
        }
        return List.copyOf(all);
    }

    private static Map<AnomalyKind, TypeTemplates> byType() {
        Map<AnomalyKind, TypeTemplates> map = new EnumMap<>(AnomalyKind.class);
        map.put(
                AnomalyKind.SUDDEN_DROP,
                new TypeTemplates(
                        PollCategory.QUICK_PULSE,
                        List.of(
                                "Quick check: type 1 in chat if you're with us, 2 if you'd like a recap.",
                                "Your turn: what's one question you have right now? Drop it in Q&A."),
                        new NotificationTemplate(
                                "Engagement dropped sharply",
                                "Activity fell {pct}% in the last minute in {title}.",
                                NotificationPriority.HIGH,
                                "Invite questions or show a live example now."),
                        ChallengeTemplate.CHAT_BLITZ));
        map.put(
                AnomalyKind.GRADUAL_DECLINE,
                new TypeTemplates(
                        PollCategory.OPINION,
                        List.of(
                                "What should we cover next? Tell us in chat; the top idea wins.",
                                "Halfway there: share your biggest takeaway so far in chat."),
                        new NotificationTemplate(
                                "Attention is fading",
                                "Engagement has declined for {minutes} min in {title}.",
                                NotificationPriority.MEDIUM,
                                "Change the format: a poll, a demo or a short break."),
                        ChallengeTemplate.QA_SPRINT));
        map.put(
                AnomalyKind.LOW_ENGAGEMENT,
                new TypeTemplates(
                        PollCategory.ENGAGING,
                        List.of(
                                "Questions welcome! Ask in Q&A and upvote the ones you want answered first.",
                                "Jump in: react or comment to tell us how this lands with you."),
                        new NotificationTemplate(
                                "Audience is quiet",
                                "Engagement has stayed low ({score}) in {title}.",
                                NotificationPriority.MEDIUM,
                                "Address the audience directly and ask for input."),
                        ChallengeTemplate.POINTS_RACE));
        map.put(
                AnomalyKind.MASS_EXIT,
                new TypeTemplates(
                        PollCategory.CRISIS,
                        List.of(
                                "Stay for the next 10 minutes: live Q&A and practical examples are coming up!",
                                "Don't miss the best part: hands-on examples start in a moment."),
                        new NotificationTemplate(
                                "Attendees are leaving",
                                "{leavers} people left in the last minute ({pct}%) in {title}.",
                                NotificationPriority.HIGH,
                                "Check audio and video, then move to the most valuable content."),
                        ChallengeTemplate.POLL_RUSH));
        return map;
    }
}
