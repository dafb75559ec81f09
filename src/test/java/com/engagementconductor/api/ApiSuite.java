package com.engagementconductor.api;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context the REST suites share (the tenancy matrix and the bad-input suite; the socket suites reuse it): embedded H2,
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
@interface ApiSuite {}
