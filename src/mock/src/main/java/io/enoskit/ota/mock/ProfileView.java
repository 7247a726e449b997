package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.SettingSource;
import io.enoskit.ota.profile.SettingValue;

/**
 * The behaviour profile in force as {@code GET /__admin/ota/profile} shows it:
 * <pre>
 * {"layers": ["default", "gateway.yaml"],
 *  "settings": {"errors.httpStatus": {"value": 400,
 *                                     "source": {"kind": "observed", "target": "https://gw", "time": "2026-...Z",
 *                                                "exchange": "GET ... -> HTTP 400 ..."},
 *                                     "layer": "gateway.yaml"}, ...}}
 * </pre>
 * A source has {@code section} when documented, {@code reason} when inferred, {@code target}, {@code time} and
 * {@code exchange} when observed; {@code layer} is the profile (built-in name or file) that set the value.
 */
final class ProfileView {
    private ProfileView() {
    }

    static ObjectNode of(BehaviourProfile profile) {
        ObjectNode view = Json.mapper().createObjectNode();
        profile.layers().forEach(view.putArray("layers")::add);
        ObjectNode settings = view.putObject("settings");
        for (SettingValue value : profile.values().values()) {
            ObjectNode setting = settings.putObject(value.setting().key());
            setting.set("value", value.value());
            setting.set("source", source(value.source()));
            setting.put("layer", value.origin());
        }
        return view;
    }

    private static ObjectNode source(SettingSource source) {
        ObjectNode node = Json.mapper().createObjectNode().put("kind", source.kind().label());
        switch (source.kind()) {
            case DOCUMENTED -> node.put("section", source.section());
            case INFERRED -> node.put("reason", source.reason());
            case OBSERVED -> node.put("target", source.target()).put("time", source.time().toString())
                    .put("exchange", source.exchange());
        }
        return node;
    }
}
