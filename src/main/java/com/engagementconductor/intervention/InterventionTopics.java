package com.engagementconductor.intervention;

/**
 * Bus topics of interventions (contracts §8.3, §8.4), the same names on Redis and on the in-process bus.
 *
 * <p>Messages on {@link #attendee(String)} are an internal envelope {@code {"event":"poll.opened","data":{…}}}:
 * gateways emit {@code data} to the attendee room {@code session:{sessionId}} under the name {@code event}
 * ({@code agent:intervention:banner}, {@code poll.opened}, {@code poll.closed}, {@code challenge.started}).
 */
public final class InterventionTopics {
    /** Stream of commands for the built-in executor ({@code conductor.intervention.executor=builtin}). */
    public static final String COMMANDS_STREAM = "agent.interventions.v1";
    /** Pub/sub channel of commands for the platform's executor ({@code conductor.intervention.executor=platform}). */
    public static final String COMMANDS_CHANNEL = "agent.interventions";
    /** Stream of execution outcome reports, from whichever executor ran the command. */
    public static final String OUTCOMES = "platform.agent.intervention-outcomes.v1";

    private InterventionTopics() {}

    /** The internal channel of attendee-room events of one session: {@code conductor:attendee:{sessionId}}. */
    public static String attendee(String sessionId) {
        return "conductor:attendee:" + sessionId;
    }
}
