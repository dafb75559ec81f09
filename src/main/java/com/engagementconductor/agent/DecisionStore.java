package com.engagementconductor.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Persistence of decisions (the {@code decisions} table). */
public interface DecisionStore {

    void insert(Decision decision);

    /** Resolves a decision only if it is still pending in the store; false when another node or call won. */
    boolean resolve(UUID id, Resolution to, Instant at, @Nullable String by, @Nullable String reason);

    /** Stores the content preview once content exists. */
    void content(UUID id, String contentJson);

    Optional<Decision> find(UUID id);

    /** Every pending decision (to resume after a restart). */
    List<Decision> pending();

    /** A session's decisions, newest first. */
    Page list(String sessionId, boolean pendingOnly, int limit, int offset);

    /** A page of decisions. */
    record Page(long total, List<Decision> decisions) {}
}
