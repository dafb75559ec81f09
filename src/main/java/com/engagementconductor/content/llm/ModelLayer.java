package com.engagementconductor.content.llm;

import com.engagementconductor.content.GenerationMethod;
import java.time.Duration;
import java.util.Locale;

/** The two model layers of the generation chain, in order (R6.2). */
enum ModelLayer {
    SONNET,
    HAIKU;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String model(LlmSettings settings) {
        return this == SONNET ? settings.sonnetModel() : settings.haikuModel();
    }

    Duration timeout(LlmSettings settings) {
        return this == SONNET ? settings.sonnetTimeout() : settings.haikuTimeout();
    }

    GenerationMethod method() {
        return this == SONNET ? GenerationMethod.SONNET : GenerationMethod.HAIKU;
    }
}
