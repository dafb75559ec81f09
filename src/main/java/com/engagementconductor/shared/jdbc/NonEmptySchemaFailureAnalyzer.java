package com.engagementconductor.shared.jdbc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link NonEmptySchemaException} into a short start-up report that says what to do. */
public final class NonEmptySchemaFailureAnalyzer extends AbstractFailureAnalyzer<NonEmptySchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NonEmptySchemaException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Give the service its own schema with currentSchema in DATABASE_URL (for example"
                        + " ?currentSchema=conductor) or point it at an empty database.",
                cause);
    }
}
