package com.engagementconductor.content;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks on text: length in characters (code points), one line, and no links or e-mail addresses (R6.3). */
final class Text {

    private static final Pattern SCHEME = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.[\\p{L}\\p{N}-]");
    /** A bare host such as {@code bit.ly/x} or {@code example.com}: labels ending in a common top-level domain. */
    private static final Pattern HOST = Pattern.compile("(?i)(?<![\\p{L}\\p{N}@.-])(?:[\\p{L}\\p{N}-]+\\.)+"
            + "(?:com|net|org|edu|gov|io|ly|co|ai|dev|app|info|biz|me|gg|xyz|link|site|online|tv|us|uk|de|fr|eu|ru"
            + "|cn|in|to|sh|so|be|cc|ws|tk|club|live|news|page|tech|store|shop|click|zip|mov)(?![\\p{L}\\p{N}-])");

    private static final Pattern EMAIL =
            Pattern.compile("(?i)[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.[\\p{L}]{2,}");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u0085\\u2028\\u2029]");

    private Text() {}

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Null when the text is not blank and has {@code min}–{@code max} characters, else what is wrong. */
    static @Nullable String lengthProblem(String text, int min, int max) {
        int length = length(text);
        if (text.isBlank()) {
            return "must not be blank";
        }
        if (length < min || length > max) {
            return "must have " + min + "–" + max + " characters, has " + length;
        }
        return null;
    }

    /** Null when attendees may see the text: no control characters, no URL, no e-mail address; else what is wrong. */
    static @Nullable String attendeeProblem(String text) {
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return "must not contain control characters or line breaks";
        }
        if (EMAIL.matcher(text).find()) {
            return "must not contain an e-mail address: " + text;
        }
        if (SCHEME.matcher(text).find()
                || WWW.matcher(text).find()
                || HOST.matcher(text).find()) {
            return "must not contain a URL: " + text;
        }
        return null;
    }

    static boolean isOneLine(String text) {
        return !LINE_BREAK.matcher(text).find();
    }
}
