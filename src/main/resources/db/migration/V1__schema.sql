-- Schema of contracts §9. Runs unchanged on PostgreSQL 15 and on H2 2.x in PostgreSQL mode
-- (DATABASE_TO_LOWER=TRUE), so only portable types are used; JSON columns use ${json_type}
-- (jsonb on PostgreSQL, JSON on H2). Counters and flags the code increments or filters on are
-- NOT NULL with a default, so that "x = x + 1" and "WHERE flag" never meet a NULL.

CREATE TABLE engagement_metrics (
    time               TIMESTAMP WITH TIME ZONE NOT NULL,
    session_id         VARCHAR(255)             NOT NULL,
    event_id           VARCHAR(255)             NOT NULL,
    engagement_score   DOUBLE PRECISION         NOT NULL,
    chat_msgs_per_min  DOUBLE PRECISION,
    poll_participation DOUBLE PRECISION,
    reactions_per_min  DOUBLE PRECISION,
    user_leave_rate    DOUBLE PRECISION,
    active_users       INTEGER,
    extra_data         ${json_type},
    CONSTRAINT pk_engagement_metrics PRIMARY KEY (session_id, time)
);
CREATE INDEX idx_engagement_metrics_event_time ON engagement_metrics (event_id, time);

CREATE TABLE interventions (
    id          UUID                     NOT NULL,
    session_id  VARCHAR(255)             NOT NULL,
    timestamp   TIMESTAMP WITH TIME ZONE NOT NULL,
    type        VARCHAR(50),
    confidence  DOUBLE PRECISION,
    reasoning   TEXT,
    outcome     ${json_type},
    extra_data  ${json_type},
    decision_id UUID,
    event_id    VARCHAR(255)             NOT NULL,
    status      VARCHAR(30),
    CONSTRAINT pk_interventions PRIMARY KEY (id),
    CONSTRAINT uq_interventions_decision_id UNIQUE (decision_id)
);
CREATE INDEX idx_interventions_session_timestamp ON interventions (session_id, timestamp);
CREATE INDEX idx_interventions_event_timestamp ON interventions (event_id, timestamp);

CREATE TABLE anomalies (
    id                  UUID                     NOT NULL,
    session_id          VARCHAR(255)             NOT NULL,
    event_id            VARCHAR(255)             NOT NULL,
    timestamp           TIMESTAMP WITH TIME ZONE,
    anomaly_type        VARCHAR(50),
    severity            VARCHAR(20),
    anomaly_score       DOUBLE PRECISION         NOT NULL,
    current_engagement  DOUBLE PRECISION         NOT NULL,
    expected_engagement DOUBLE PRECISION         NOT NULL,
    deviation           DOUBLE PRECISION         NOT NULL,
    signals             ${json_type},
    metadata            ${json_type},
    CONSTRAINT pk_anomalies PRIMARY KEY (id)
);
CREATE INDEX idx_anomalies_session_timestamp ON anomalies (session_id, timestamp);

CREATE TABLE agent_performance (
    time              TIMESTAMP WITH TIME ZONE NOT NULL,
    agent_id          VARCHAR(100)             NOT NULL,
    session_id        VARCHAR(255)             NOT NULL,
    intervention_type VARCHAR(50),
    success           BOOLEAN,
    engagement_delta  DOUBLE PRECISION,
    confidence        DOUBLE PRECISION,
    extra_data        ${json_type},
    CONSTRAINT pk_agent_performance PRIMARY KEY (time, agent_id, session_id)
);

-- Defaults of contracts §4.8; NOT NULL except the two arrays and org_id.
CREATE TABLE event_agent_settings (
    event_id                   VARCHAR(255)             NOT NULL,
    agent_enabled              BOOLEAN                  DEFAULT TRUE                NOT NULL,
    agent_mode                 VARCHAR(20)              DEFAULT 'MANUAL'            NOT NULL,
    auto_approve_threshold     DOUBLE PRECISION         DEFAULT 0.75                NOT NULL,
    min_confidence_threshold   DOUBLE PRECISION         DEFAULT 0.50                NOT NULL,
    allowed_interventions      ${json_type},
    max_interventions_per_hour INTEGER                  DEFAULT 10                  NOT NULL,
    notify_on_anomaly          BOOLEAN                  DEFAULT TRUE                NOT NULL,
    notify_on_intervention     BOOLEAN                  DEFAULT TRUE                NOT NULL,
    notification_emails        ${json_type},
    created_at                 TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    holdout_fraction           DOUBLE PRECISION         DEFAULT 0.0                 NOT NULL,
    approval_timeout_seconds   INTEGER                  DEFAULT 120                 NOT NULL,
    org_id                     VARCHAR(255),
    CONSTRAINT pk_event_agent_settings PRIMARY KEY (event_id)
);

CREATE TABLE sessions (
    id                VARCHAR(255)             NOT NULL,
    event_id          VARCHAR(255)             NOT NULL,
    org_id            VARCHAR(255),
    title             VARCHAR(200),
    topic             VARCHAR(200),
    mode              VARCHAR(20),
    status            VARCHAR(20),
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    metadata          ${json_type},
    event_provisional BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_score        DOUBLE PRECISION,
    last_score_at     TIMESTAMP WITH TIME ZONE,
    last_activity     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sessions PRIMARY KEY (id)
);
CREATE INDEX idx_sessions_event ON sessions (event_id);
CREATE INDEX idx_sessions_org_created ON sessions (org_id, created_at);

CREATE TABLE decisions (
    id                UUID                     NOT NULL,
    session_id        VARCHAR(255)             NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE,
    intervention_type VARCHAR(50),
    context_key       VARCHAR(200),
    posterior_mean    DOUBLE PRECISION,
    probability_best  DOUBLE PRECISION,
    reasoning         TEXT,
    content           ${json_type},
    resolution        VARCHAR(20)              DEFAULT 'PENDING' NOT NULL,
    resolved_at       TIMESTAMP WITH TIME ZONE,
    resolved_by       VARCHAR(255),
    confidence        DOUBLE PRECISION,
    event_id          VARCHAR(255),
    anomaly_id        UUID,
    auto_approved     BOOLEAN                  DEFAULT FALSE NOT NULL,
    holdout           BOOLEAN                  DEFAULT FALSE NOT NULL,
    reason            VARCHAR(500),
    CONSTRAINT pk_decisions PRIMARY KEY (id)
);
CREATE INDEX idx_decisions_session_created ON decisions (session_id, created_at);
CREATE INDEX idx_decisions_resolution ON decisions (resolution);

-- Updated with atomic increments only ("alpha = alpha + ?"), hence NOT NULL.
CREATE TABLE bandit_arms (
    scope       VARCHAR(300)             NOT NULL,
    context_key VARCHAR(200)             NOT NULL,
    arm         VARCHAR(20)              NOT NULL,
    alpha       DOUBLE PRECISION         NOT NULL,
    beta        DOUBLE PRECISION         NOT NULL,
    attempts    BIGINT                   DEFAULT 0 NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_bandit_arms PRIMARY KEY (scope, context_key, arm)
);

CREATE TABLE arm_counters (
    scope              VARCHAR(300)             NOT NULL,
    context_key        VARCHAR(200)             NOT NULL,
    arm                VARCHAR(20)              NOT NULL,
    accepted           INTEGER                  DEFAULT 0 NOT NULL,
    rejected           INTEGER                  DEFAULT 0 NOT NULL,
    expired            INTEGER                  DEFAULT 0 NOT NULL,
    execution_failures INTEGER                  DEFAULT 0 NOT NULL,
    unconfirmed        INTEGER                  DEFAULT 0 NOT NULL,
    incomplete         INTEGER                  DEFAULT 0 NOT NULL,
    confounded         INTEGER                  DEFAULT 0 NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_arm_counters PRIMARY KEY (scope, context_key, arm)
);

CREATE TABLE holdout_cases (
    decision_id  UUID                     NOT NULL,
    event_id     VARCHAR(255),
    org_id       VARCHAR(255),
    context_key  VARCHAR(200),
    anomaly_type VARCHAR(50),
    delta        DOUBLE PRECISION,
    measured_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_holdout_cases PRIMARY KEY (decision_id)
);
CREATE INDEX idx_holdout_cases_context_key ON holdout_cases (context_key);
CREATE INDEX idx_holdout_cases_anomaly_type ON holdout_cases (anomaly_type);

CREATE TABLE user_onboarding (
    user_id    VARCHAR(255)             NOT NULL,
    completed  BOOLEAN                  DEFAULT FALSE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_user_onboarding PRIMARY KEY (user_id)
);

-- The relay reads "WHERE published_at IS NULL ORDER BY id" and prunes by published_at.
CREATE TABLE outbox (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY,
    topic        VARCHAR(200)             NOT NULL,
    payload      TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_outbox PRIMARY KEY (id)
);
CREATE INDEX idx_outbox_published_id ON outbox (published_at, id);
