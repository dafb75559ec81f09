package com.engagementconductor.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CSV form of the session export (contracts §4.15, behaviour R9.1): RFC 4180 with CRLF line ends, numbers bare,
 * every text cell quoted, {@code N/A} unquoted where a value does not apply, formula-like text defused with a
 * leading apostrophe.
 */
final class ReportCsv {
    static final String HEADER = "Timestamp,Type,Confidence,Status,Reasoning,Engagement Before,Engagement After,"
            + "Engagement Delta,Generation Method,Latency (ms)";
    static final String NOT_APPLICABLE = "N/A";
    private static final String CRLF = "\r\n";

    private ReportCsv() {}

    static String of(List<ReportRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append(CRLF);
        for (ReportRow r : rows) {
            out.append(text(com.engagementconductor.shared.Timestamps.format(r.timestamp())))
                    .append(',')
                    .append(text(r.type()))
                    .append(',')
                    .append(decimal(r.confidence(), 2))
                    .append(',')
                    .append(text(r.status()))
                    .append(',')
                    .append(text(r.reasoning()))
                    .append(',')
                    .append(decimal(r.engagementBefore(), 3))
                    .append(',')
                    .append(decimal(r.engagementAfter(), 3))
                    .append(',')
                    .append(decimal(r.engagementDelta(), 3))
                    .append(',')
                    .append(r.generationMethod() == null ? NOT_APPLICABLE : text(r.generationMethod()))
                    .append(',')
                    .append(r.latencyMs() == null ? NOT_APPLICABLE : Long.toString(r.latencyMs()))
                    .append(CRLF);
        }
        return out.toString();
    }

    /** A quoted text cell; text a spreadsheet would read as a formula gets a leading apostrophe. */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    /** A bare number with a fixed number of decimals ({@code -0.030}), or {@code N/A}. */
    static String decimal(@Nullable Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return NOT_APPLICABLE;
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
