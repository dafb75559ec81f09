package com.engagementconductor.signals;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingests signal batches arriving on the internal bus topic {@code conductor:signals} (from the simulator and
 * attendee sockets): {@code {"sessionId":…,"source":"simulation","signals":[items of contracts §4.14]}}.
 */
@Component
class BusSignals implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BusSignals.class);

    private final EventBus bus;
    private final SignalIngestion ingestion;
    private final InstantSource clock;
    private final JsonMapper json;
    private final Counter dropped;
    private EventBus.Subscription subscription = () -> {};
    private volatile boolean running;

    BusSignals(EventBus bus, SignalIngestion ingestion, InstantSource clock, JsonMapper json, MeterRegistry meters) {
        this.bus = bus;
        this.ingestion = ingestion;
        this.clock = clock;
        this.json = json;
        this.dropped = Counter.builder("conductor.bus.messages.dropped")
                .tag("reason", "invalid_signal")
                .register(meters);
    }

    void onMessage(String topic, String payload) {
        try {
            JsonNode message = json.readTree(payload);
            String sessionId = message.path("sessionId").asString("");
            SignalIngestion.Source source =
                    "socket".equals(message.path("source").asString(""))
                            ? SignalIngestion.Source.SOCKET
                            : SignalIngestion.Source.SIMULATION;
            List<Signal> signals = SignalBatchDecoder.decode(
                    sessionId, json.createObjectNode().set("signals", message.get("signals")), clock.instant());
            ingestion.offer(sessionId, signals, source);
        } catch (RuntimeException e) {
            dropped.increment();
            log.debug("dropped a signal message: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        subscription = bus.subscribe(Topics.SIGNALS, this::onMessage);
        running = true;
    }

    @Override
    public void stop() {
        subscription.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
