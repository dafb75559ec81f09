package com.engagementconductor.content.llm;

import java.math.BigDecimal;
import java.time.Instant;

/** Model spend in USD per UTC calendar hour and day (R6.6), kept for the whole deployment when Redis is configured. */
interface SpendLedger {

    /** Spend of the hour and the day that contain {@code at}. */
    Spend spent(Instant at);

    /** Adds a metered cost at {@code at}. */
    void add(Instant at, BigDecimal usd);

    /** Hour-to-date and day-to-date spend. */
    record Spend(BigDecimal hour, BigDecimal day) {}
}
