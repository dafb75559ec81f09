package com.engagementconductor.decision.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in one transaction and runs it again, a few times, when the database gave up on a lock
 * or chose it as a deadlock victim: the failed attempt was rolled back, so nothing is applied twice. Inside a
 * caller's transaction the work joins it and is not retried, since that transaction is then lost as a whole.
 */
final class RetryingTransactions {
    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate template;

    RetryingTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    void run(String what, Runnable work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            template.executeWithoutResult(status -> work.run());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                template.executeWithoutResult(status -> work.run());
                return;
            } catch (TransientDataAccessException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("{}: attempt {} rolled back, retrying: {}", what, attempt, e.toString());
            }
        }
    }
}
