package com.engagementconductor.api;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestContextManager;

/**
 * The one Spring context the REST suites share (the tenancy matrix and the bad-input properties): embedded H2,
 * the hand-moved clock, ticks and simulations that only move when a test moves them, and MockMvc with the
 * product's filters. Every class carrying this annotation gets the same cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.simulation.real-time=false",
            "spring.datasource.url=jdbc:h2:mem:api_suites;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
@interface ApiSuite {

    /** The shared context for engines without Spring's JUnit Jupiter extension (jqwik): Spring's context cache. */
    final class Context {
        @ApiSuite
        static final class Holder {}

        private Context() {}

        static ApplicationContext get() {
            try {
                return new TestContextManager(Holder.class).getTestContext().getApplicationContext();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the API suite context", e);
            }
        }
    }
}
