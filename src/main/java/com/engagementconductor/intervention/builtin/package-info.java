/**
 * The built-in executor ({@code conductor.intervention.executor=builtin}): runs intervention commands for the
 * attendee room, keeps live agent polls and challenges in memory, and reports outcomes.
 */
@NullMarked
package com.engagementconductor.intervention.builtin;

import org.jspecify.annotations.NullMarked;
