package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import io.enoskit.ota.domain.Device;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.SimulationClock;
import java.time.Duration;
import java.util.Map;

import static io.enoskit.ota.mock.AdminAnswers.answer;
import static io.enoskit.ota.mock.AdminRequests.param;

/**
 * The admin routes that drive the simulation of upgrades: the devices (how each answers its tasks) and the
 * simulation clock. Paths are relative to {@code /__admin/ota}; the table is in {@link OtaAdminApiExtension}.
 */
final class SimulationRoutes {
    /** The furthest one call moves the clock, in seconds (a year). */
    static final long MAX_ADVANCE_SECONDS = 366L * 86_400;
    private static final ObjectReader DEVICE = AdminRequests.reader(Device.class)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final OtaStore store;
    private final SimulationClock clock;

    SimulationRoutes(OtaStore store, SimulationClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** GET /orgs/{orgId}/devices: {@code {"devices": [Device]}}. */
    AdminTask listDevices() {
        return (admin, event, params) -> answer(() -> Map.of("devices", store.devices(param(params, "orgId"))));
    }

    /**
     * PUT /orgs/{orgId}/devices/{deviceKey}: adds or replaces a device; body {@code {"productKey", "assetId",
     * "firmwareVersion", "outcomes": ["succeed"|"fail"|"stall"], "failureDesc", "tags": {key: value},
     * "attributes": {id: scalar}, "assetTrees": {treeId: [nodeId, ...]}}}; answers the device.
     */
    AdminTask putDevice() {
        return (admin, event, params) -> answer(() -> {
            Device device = AdminRequests.read(DEVICE, event.getRequest(), params, "device", "orgId", "deviceKey");
            store.putDevice(device);
            return device;
        });
    }

    /** GET /clock: {@code {"now": ms, "advancedSeconds": s, "frozen": bool}}, the simulation clock. */
    AdminTask readClock() {
        return (admin, event, params) -> answer(this::clockState);
    }

    /**
     * POST /clock: moves the simulation clock on, body {@code {"advanceSeconds": s}} (0 to
     * {@value #MAX_ADVANCE_SECONDS}), and brings every task, schedule and timeout up to it before answering;
     * {@code {"frozen": true}} stops real time from counting (only advances move the clock), {@code false} lets it
     * count again. Answers as {@link #readClock()}.
     */
    AdminTask advanceClock() {
        return (admin, event, params) -> answer(() -> {
            ObjectNode body = AdminRequests.object(event.getRequest());
            var seconds = body.get("advanceSeconds");
            var frozen = body.get("frozen");
            boolean secondsWrong = seconds != null && (!seconds.isIntegralNumber() || !seconds.canConvertToLong()
                    || seconds.asLong() < 0 || seconds.asLong() > MAX_ADVANCE_SECONDS);
            boolean unknown = body.size() != (seconds == null ? 0 : 1) + (frozen == null ? 0 : 1);
            if (secondsWrong || unknown || (frozen != null && !frozen.isBoolean()) || body.isEmpty()) {
                throw new IllegalArgumentException("the body must be {\"advanceSeconds\": n} (a whole number of"
                        + " seconds from 0 to " + MAX_ADVANCE_SECONDS + "), {\"frozen\": true|false} (real time stops"
                        + " or goes on counting), or both");
            }
            if (frozen != null) {
                clock.frozen(frozen.asBoolean());
            }
            clock.advance(Duration.ofSeconds(seconds == null ? 0 : seconds.asLong()));
            store.advance();
            return clockState();
        });
    }

    private Map<String, Object> clockState() {
        return Map.of("now", clock.millis(), "advancedSeconds", clock.advancedMillis() / 1000,
                "frozen", clock.frozen());
    }
}
