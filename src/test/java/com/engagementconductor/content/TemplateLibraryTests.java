package com.engagementconductor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The 25 polls and the per-type templates of R6.5, word for word, and the category rules. */
class TemplateLibraryTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            QP1 | QUICK_PULSE | How is the pace right now?                        | 3 | Too fast            | Too slow
            QP2 | QUICK_PULSE | How clear is the current topic for you?           | 3 | Crystal clear       | I'm a bit lost
            QP3 | QUICK_PULSE | What would help most in the next 10 minutes?      | 4 | A live demo         | A short recap
            QP4 | QUICK_PULSE | Still with us? Pick your energy level             | 3 | Fully charged       | Running low
            QP5 | QUICK_PULSE | Is the audio and video working well for you?      | 3 | Yes, all good       | Hard to follow
            QP6 | QUICK_PULSE | How would you rate the session so far?            | 3 | Excellent           | Could be better
            OP1 | OPINION     | Which part of this topic should we dig into next? | 4 | The basics          | What comes next
            OP2 | OPINION     | What is your biggest challenge with this topic?   | 4 | Getting started     | Measuring results
            OP3 | OPINION     | How should the rest of the session run?           | 3 | More discussion     | Keep the format
            OP4 | OPINION     | Which statement fits you best?                    | 3 | I already apply this | Not relevant yet
            OP5 | OPINION     | What would make this session more useful?         | 4 | More depth          | Shorter segments
            EN1 | ENGAGING    | Prediction time: what comes next?                 | 4 | A surprising number | A bold opinion
            EN2 | ENGAGING    | How much experience do you have with this topic?  | 4 | None yet            | I teach it
            EN3 | ENGAGING    | What is your main takeaway so far?                | 4 | A new idea          | Still forming
            EN4 | ENGAGING    | Would you recommend this session to a colleague?  | 3 | Definitely          | Not yet
            EN5 | ENGAGING    | Where are you joining from today?                 | 4 | Home                | Elsewhere
            EN6 | ENGAGING    | Pick the next mini-challenge for the audience     | 3 | Share a tip in chat | Vote on the next topic
            TE1 | TECH        | Which area matters most to your team this year?   | 4 | AI and ML           | Security
            TE2 | TECH        | What best describes your role?                    | 4 | Engineer            | Other
            TE3 | TECH        | How do you mostly ship software today?            | 3 | Fully automated     | Mostly manual
            TE4 | TECH        | Which tool should we look at more closely?        | 3 | The one shown earlier | A managed service
            CR1 | CRISIS      | Before you go: what would make you stay?          | 4 | A quick demo        | I'm out of time
            CR2 | CRISIS      | Is this session what you expected?                | 3 | Yes                 | Not really
            CR3 | CRISIS      | Should we switch things up?                       | 3 | Q&A now             | Keep going
            CR4 | CRISIS      | What would keep you here for 10 more minutes?     | 4 | Practical examples  | Nothing
            """)
    void everyPollIsAsTheSpecWritesIt(
            String id, PollCategory category, String question, int optionCount, String first, String last) {
        TemplatePoll poll = TemplateLibrary.poll(id).orElseThrow();

        assertThat(poll.category()).isEqualTo(category);
        assertThat(poll.question()).isEqualTo(question);
        assertThat(poll.options()).hasSize(optionCount).startsWith(first).endsWith(last);
    }

    @Test
    void libraryHasTwentyFivePollsInFiveCategoriesInTableOrder() {
        assertThat(TemplateLibrary.polls()).hasSize(25);
        assertThat(TemplateLibrary.polls().stream().map(TemplatePoll::id))
                .containsExactly(
                        "QP1", "QP2", "QP3", "QP4", "QP5", "QP6", "OP1", "OP2", "OP3", "OP4", "OP5", "EN1", "EN2",
                        "EN3", "EN4", "EN5", "EN6", "TE1", "TE2", "TE3", "TE4", "CR1", "CR2", "CR3", "CR4");
        assertThat(TemplateLibrary.polls(PollCategory.QUICK_PULSE)).hasSize(6);
        assertThat(TemplateLibrary.polls(PollCategory.OPINION)).hasSize(5);
        assertThat(TemplateLibrary.polls(PollCategory.ENGAGING)).hasSize(6);
        assertThat(TemplateLibrary.polls(PollCategory.TECH)).hasSize(4);
        assertThat(TemplateLibrary.polls(PollCategory.CRISIS)).hasSize(4);
        assertThat(PollCategory.QUICK_PULSE.wireName()).isEqualTo("quick_pulse");
    }

    @Test
    void optionsKeepTheirOrder() {
        assertThat(TemplateLibrary.poll("QP3").orElseThrow().options())
                .containsExactly("A live demo", "A concrete example", "Time for questions", "A short recap");
        assertThat(TemplateLibrary.poll("OP5").orElseThrow().options())
                .containsExactly("More depth", "Broader overview", "More Q&A", "Shorter segments");
        assertThat(TemplateLibrary.poll("TE2").orElseThrow().options())
                .containsExactly("Engineer", "Manager", "Data or analytics", "Other");
    }

    @Test
    void everyPollPassesValidationAsSixtySecondContent() {
        for (TemplatePoll poll : TemplateLibrary.polls()) {
            PollContent content = poll.content();

            assertThat(content.durationSeconds()).isEqualTo(60);
            assertThat(ContentValidator.validate(content).reason())
                    .as(poll.id())
                    .isNull();
        }
    }

    @Test
    void eachAnomalyTypeHasItsCategory() {
        assertThat(TemplateLibrary.categories(AnomalyKind.SUDDEN_DROP, null, null))
                .containsExactly(PollCategory.QUICK_PULSE);
        assertThat(TemplateLibrary.categories(AnomalyKind.GRADUAL_DECLINE, null, null))
                .containsExactly(PollCategory.OPINION);
        assertThat(TemplateLibrary.categories(AnomalyKind.LOW_ENGAGEMENT, null, null))
                .containsExactly(PollCategory.ENGAGING);
        assertThat(TemplateLibrary.categories(AnomalyKind.MASS_EXIT, null, null))
                .containsExactly(PollCategory.CRISIS);
    }

    @Test
    void techIsAddedForDeclineAndLowEngagementInTechnicalSessions() {
        assertThat(TemplateLibrary.categories(AnomalyKind.GRADUAL_DECLINE, "Cloud costs", null))
                .containsExactly(PollCategory.OPINION, PollCategory.TECH);
        assertThat(TemplateLibrary.categories(AnomalyKind.LOW_ENGAGEMENT, "Keynote", "Applied AI in retail"))
                .containsExactly(PollCategory.ENGAGING, PollCategory.TECH);
        assertThat(TemplateLibrary.candidates(AnomalyKind.LOW_ENGAGEMENT, "DevOps at scale", null))
                .hasSize(10);
        assertThat(TemplateLibrary.candidates(AnomalyKind.GRADUAL_DECLINE, null, "data-driven design"))
                .extracting(TemplatePoll::id)
                .containsExactly("OP1", "OP2", "OP3", "OP4", "OP5", "TE1", "TE2", "TE3", "TE4");
    }

    @Test
    void techIsNeverAddedForSuddenDropsOrMassExits() {
        assertThat(TemplateLibrary.categories(AnomalyKind.SUDDEN_DROP, "Cloud costs", "AI"))
                .containsExactly(PollCategory.QUICK_PULSE);
        assertThat(TemplateLibrary.categories(AnomalyKind.MASS_EXIT, "Software engineering", "ML"))
                .containsExactly(PollCategory.CRISIS);
    }

    @Test
    void techWordsMustBeWholeWordsInAnyCase() {
        List<String> technical = List.of(
                "AI",
                "ai for everyone",
                "Intro to ML",
                "CLOUD",
                "Big Data",
                "devops",
                "Platform Engineering",
                "Software craft",
                "AI/ML roadmap",
                "What's new in data?");
        List<String> notTechnical = List.of(
                "Dataset curation",
                "Mail and chairs",
                "Cloudy weather",
                "Softwares",
                "Said the host",
                "Maintenance",
                "HTML basics",
                "Reengineering teams",
                "");

        technical.forEach(
                text -> assertThat(TemplateLibrary.isTechnical(text)).as(text).isTrue());
        notTechnical.forEach(
                text -> assertThat(TemplateLibrary.isTechnical(text)).as(text).isFalse());
        assertThat(TemplateLibrary.isTechnical(null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AnomalyKind.class)
    void everyTypeHasTwoDistinctBroadcastsThatPassValidation(AnomalyKind type) {
        List<String> broadcasts = TemplateLibrary.broadcasts(type);

        assertThat(broadcasts).hasSize(2).doesNotHaveDuplicates();
        broadcasts.forEach(message -> assertThat(
                        ContentValidator.validate(new BroadcastContent(message)).reason())
                .as(message)
                .isNull());
    }

    @Test
    void broadcastsAreAsTheSpecWritesThem() {
        assertThat(TemplateLibrary.broadcasts(AnomalyKind.SUDDEN_DROP))
                .containsExactly(
                        "Quick check: type 1 in chat if you're with us, 2 if you'd like a recap.",
                        "Your turn: what's one question you have right now? Drop it in Q&A.");
        assertThat(TemplateLibrary.broadcasts(AnomalyKind.GRADUAL_DECLINE))
                .containsExactly(
                        "What should we cover next? Tell us in chat; the top idea wins.",
                        "Halfway there: share your biggest takeaway so far in chat.");
        assertThat(TemplateLibrary.broadcasts(AnomalyKind.LOW_ENGAGEMENT))
                .containsExactly(
                        "Questions welcome! Ask in Q&A and upvote the ones you want answered first.",
                        "Jump in: react or comment to tell us how this lands with you.");
        assertThat(TemplateLibrary.broadcasts(AnomalyKind.MASS_EXIT))
                .containsExactly(
                        "Stay for the next 10 minutes: live Q&A and practical examples are coming up!",
                        "Don't miss the best part: hands-on examples start in a moment.");
    }

    @Test
    void notificationsAndChallengesFollowTheTable() {
        NotificationTemplate drop = TemplateLibrary.notification(AnomalyKind.SUDDEN_DROP);
        assertThat(drop.title()).isEqualTo("Engagement dropped sharply");
        assertThat(drop.priority()).isEqualTo(NotificationPriority.HIGH);
        assertThat(drop.suggestedAction()).isEqualTo("Invite questions or show a live example now.");
        assertThat(TemplateLibrary.notification(AnomalyKind.GRADUAL_DECLINE).priority())
                .isEqualTo(NotificationPriority.MEDIUM);
        assertThat(TemplateLibrary.notification(AnomalyKind.LOW_ENGAGEMENT).title())
                .isEqualTo("Audience is quiet");
        assertThat(TemplateLibrary.notification(AnomalyKind.MASS_EXIT).suggestedAction())
                .isEqualTo("Check audio and video, then move to the most valuable content.");

        assertThat(TemplateLibrary.challenge(AnomalyKind.SUDDEN_DROP)).isEqualTo(ChallengeTemplate.CHAT_BLITZ);
        assertThat(TemplateLibrary.challenge(AnomalyKind.GRADUAL_DECLINE)).isEqualTo(ChallengeTemplate.QA_SPRINT);
        assertThat(TemplateLibrary.challenge(AnomalyKind.LOW_ENGAGEMENT)).isEqualTo(ChallengeTemplate.POINTS_RACE);
        assertThat(TemplateLibrary.challenge(AnomalyKind.MASS_EXIT)).isEqualTo(ChallengeTemplate.POLL_RUSH);
    }

    @Test
    void challengeTemplatesHaveTheirFixedDurationsAndRewards() {
        assertThat(ChallengeTemplate.CHAT_BLITZ.durationMinutes()).isEqualTo(5);
        assertThat(ChallengeTemplate.CHAT_BLITZ.rewards()).isEqualTo(new Rewards(50, 30, 15));
        assertThat(ChallengeTemplate.POLL_RUSH.durationMinutes()).isEqualTo(10);
        assertThat(ChallengeTemplate.POLL_RUSH.rewards()).isEqualTo(new Rewards(50, 30, 15));
        assertThat(ChallengeTemplate.QA_SPRINT.durationMinutes()).isEqualTo(10);
        assertThat(ChallengeTemplate.QA_SPRINT.rewards()).isEqualTo(new Rewards(60, 35, 20));
        assertThat(ChallengeTemplate.POINTS_RACE.durationMinutes()).isEqualTo(15);
        assertThat(ChallengeTemplate.POINTS_RACE.rewards()).isEqualTo(new Rewards(75, 50, 25));
    }
}
