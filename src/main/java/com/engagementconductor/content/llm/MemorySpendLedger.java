package com.engagementconductor.content.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Spend of this node only, for the current UTC hour and day; older periods are forgotten. */
final class MemorySpendLedger implements SpendLedger {

    static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private String hourKey = "";
    private String dayKey = "";
    private BigDecimal hour = BigDecimal.ZERO;
    private BigDecimal day = BigDecimal.ZERO;

    @Override
    public synchronized Spend spent(Instant at) {
        roll(at);
        return new Spend(hour, day);
    }

    @Override
    public synchronized void add(Instant at, BigDecimal usd) {
        roll(at);
        hour = hour.add(usd);
        day = day.add(usd);
    }

    /** Sets the current hour's and day's spend (e.g. when they were spent before this ledger existed). */
    synchronized void set(Instant at, BigDecimal hourSpend, BigDecimal daySpend) {
        roll(at);
        hour = hourSpend;
        day = daySpend;
    }

    private void roll(Instant at) {
        String h = HOUR.format(at);
        String d = DAY.format(at);
        if (!h.equals(hourKey)) {
            hourKey = h;
            hour = BigDecimal.ZERO;
        }
        if (!d.equals(dayKey)) {
            dayKey = d;
            day = BigDecimal.ZERO;
        }
    }
}
