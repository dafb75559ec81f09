package com.engagementconductor.intervention;

/** Where an intervention record stands (contracts §4.10). */
public enum InterventionStatus {
    /** The command is sent; no outcome report yet. */
    DISPATCHED,
    /** Delivered; measurement pending. */
    EXECUTED,
    /** No outcome report within 30 s. */
    UNCONFIRMED,
    /** Delivery failed. */
    FAILED,
    /** The reward was recorded. */
    MEASURED,
    /** Too few post ticks to measure (behaviour R7.1). */
    MEASUREMENT_INCOMPLETE
}
