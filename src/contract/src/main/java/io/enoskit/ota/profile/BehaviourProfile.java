package io.enoskit.ota.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The behaviour in force: every {@link Setting} with one value and its source, made by stacking profile layers on
 * the built-in {@code default} profile (later layers override earlier ones). Immutable.
 *
 * <p>Built-in profiles: {@code default} (the decisions in {@code stubs/profiles/default.yaml}: today's mock, plus
 * whatever the official Java and Python samples send is accepted) and one per EnOS release, {@code enos-2.2},
 * {@code enos-2.3}, {@code enos-2.4}, {@code enos-3.0}.
 */
public final class BehaviourProfile {
    /** The class-path folder of the built-in profiles (from the project's {@code stubs/profiles}). */
    public static final String BUILT_IN_FOLDER = "io/enoskit/ota/profiles/";
    /** The built-in profile every profile stacks on. */
    public static final String DEFAULT = "default";

    private final Map<Setting, SettingValue> values;
    private final List<String> layers;

    private BehaviourProfile(Map<Setting, SettingValue> values, List<String> layers) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.layers = List.copyOf(layers);
    }

    /** The built-in default profile. */
    public static BehaviourProfile defaults() {
        return Defaults.PROFILE;
    }

    /** The names of the built-in profiles: {@code default, enos-2.2, enos-2.3, enos-2.4, enos-3.0}. */
    public static List<String> builtInNames() {
        List<String> names = new ArrayList<>(List.of(DEFAULT));
        Arrays.stream(EnosVersion.values()).map(EnosVersion::profileName).forEach(names::add);
        return names;
    }

    /**
     * A built-in profile as a layer.
     *
     * @throws ProfileException when {@code name} is not one of {@link #builtInNames()}
     */
    public static ProfileLayer builtIn(String name) {
        if (!builtInNames().contains(name)) {
            throw new ProfileException(name + ": no such built-in profile (the built-in profiles are "
                    + String.join(", ", builtInNames()) + ")");
        }
        return ProfileLayer.readResource(BUILT_IN_FOLDER + name + ".yaml", name);
    }

    /**
     * The layer a user names: a built-in profile's name, else a file.
     *
     * @throws ProfileException naming the file and the setting, when it cannot be used
     */
    public static ProfileLayer layer(String nameOrFile) {
        return builtInNames().contains(nameOrFile) ? builtIn(nameOrFile) : ProfileLayer.read(Path.of(nameOrFile));
    }

    /**
     * The default profile with {@code names} (built-in names or files) stacked on it in order.
     *
     * @throws ProfileException for the first that cannot be used
     */
    public static BehaviourProfile of(List<String> names) {
        BehaviourProfile profile = defaults();
        for (String name : names) {
            profile = profile.with(layer(name));
        }
        return profile;
    }

    /** The profile of an EnOS release: the default profile with {@code enos-V} on it. */
    public static BehaviourProfile of(EnosVersion version) {
        return defaults().with(builtIn(version.profileName()));
    }

    /**
     * This profile with {@code layer}'s settings over its own. The built-in default profile stacked on itself alone
     * changes nothing and is not named twice ({@code profile show default} reads "profile default").
     */
    public BehaviourProfile with(ProfileLayer layer) {
        Map<Setting, SettingValue> next = new EnumMap<>(values);
        next.putAll(layer.settings());
        if (layers.equals(List.of(DEFAULT)) && layer.name().equals(DEFAULT) && next.equals(values)) {
            return this;
        }
        List<String> names = new ArrayList<>(layers);
        names.add(layer.name());
        return new BehaviourProfile(next, names);
    }

    /** The names of the layers, bottom first ({@code [default, enos-2.3, gateway.yaml]}). */
    public List<String> layers() {
        return layers;
    }

    /** Every setting's value and source. */
    public Map<Setting, SettingValue> values() {
        return values;
    }

    public SettingValue value(Setting setting) {
        return values.get(setting);
    }

    /** The release served ({@code enos.version}). */
    public EnosVersion enosVersion() {
        return EnosVersion.parse(text(Setting.ENOS_VERSION)).orElseThrow();
    }

    /** HTTP status of an answer with a business error code ({@code errors.httpStatus}). */
    public int errorHttpStatus() {
        return number(Setting.ERRORS_HTTP_STATUS);
    }

    /** HTTP status of a 99400 answer ({@code errors.invalidArgumentHttpStatus}). */
    public int invalidArgumentHttpStatus() {
        return number(Setting.INVALID_ARGUMENT_HTTP_STATUS);
    }

    /** Whether a created job is started right away ({@code create.jobStatus: started}). */
    public boolean createsJobsStarted() {
        return "started".equals(text(Setting.CREATED_JOB_STATUS));
    }

    /** Create's checks in the order they run ({@code create.checkOrder}), e.g. {@code [request, firmware, ...]}. */
    public List<String> createCheckOrder() {
        return list(Setting.CREATE_CHECK_ORDER);
    }

    /** Whether unset fields are written as {@code null} ({@code answers.unsetFields: null}) or left out. */
    public boolean writesUnsetFieldsAsNull() {
        return "null".equals(text(Setting.UNSET_FIELDS));
    }

    /** The 24612 limit when the firmware sets none ({@code verification.defaultLimit}). */
    public int verificationLimit() {
        return number(Setting.VERIFICATION_LIMIT);
    }

    /**
     * Whether only a started job keeps its firmware from Delete Firmware ({@code firmware.deleteBlockedBy:
     * started-job}); else any job of the org naming it does.
     */
    public boolean firmwareDeleteBlockedOnlyByStartedJobs() {
        return "started-job".equals(text(Setting.FIRMWARE_DELETE_BLOCKED_BY));
    }

    /** Records per page of a search without pagination ({@code search.defaultPageSize}). */
    public int searchPageSize() {
        return number(Setting.SEARCH_PAGE_SIZE);
    }

    /** Whether Search OTA Job lists the newest job first ({@code search.jobOrder: createTime-desc}). */
    public boolean searchesNewestJobFirst() {
        return "createTime-desc".equals(text(Setting.JOB_SEARCH_ORDER));
    }

    /** Whether every selector of a partial scope must match a device ({@code scope.combination: all}), or one. */
    public boolean scopeNeedsEverySelector() {
        return "all".equals(text(Setting.SCOPE_COMBINATION));
    }

    /** Whether a job whose scope selects no device is refused at create ({@code scope.noDevice: refuse}). */
    public boolean refusesScopesWithoutDevices() {
        return "refuse".equals(text(Setting.SCOPE_NO_DEVICE));
    }

    /** Whether body fields the spec does not define are refused ({@code request.unknownFields: refuse}). */
    public boolean refusesUnknownFields() {
        return "refuse".equals(text(Setting.UNKNOWN_FIELDS));
    }

    /**
     * The HTTP methods an operation accepts: {@code methods.get} for Get OTA Job, {@code methods.getFirmware} for
     * Get Firmware File, {@code methods.otherActions} for the rest.
     *
     * @param action    the {@code action} query parameter
     * @param firmwares whether the path is the firmware path
     */
    public Set<String> methods(String action, boolean firmwares) {
        Setting setting = "get".equals(action)
                ? firmwares ? Setting.METHODS_GET_FIRMWARE : Setting.METHODS_GET
                : Setting.METHODS_OTHER_ACTIONS;
        return Set.copyOf(list(setting));
    }

    /**
     * Whether a request whose action exists, but not with its method, is answered 99404 No such operation
     * ({@code methods.refusal: no-such-operation}) rather than 99400 naming {@code action}.
     */
    public boolean refusesMethodsAsNoSuchOperation() {
        return "no-such-operation".equals(text(Setting.METHOD_REFUSAL));
    }

    /** The form of created jobIds ({@code ids.jobId}). */
    public IdFormat jobIdFormat() {
        return IdFormat.named(text(Setting.JOB_ID_FORMAT)).orElseThrow();
    }

    /** The form of requestIds ({@code ids.requestId}). */
    public IdFormat requestIdFormat() {
        return IdFormat.named(text(Setting.REQUEST_ID_FORMAT)).orElseThrow();
    }

    /** Whether an organization the caller cannot see is refused with 99403 ({@code organizations.foreign}). */
    public boolean deniesForeignOrganizations() {
        return "denied".equals(text(Setting.FOREIGN_ORGANIZATION));
    }

    /** The msg template of an undocumented 99xxx code ({@code messages.99403} ...), if the profile sets one. */
    public Optional<String> message(int code) {
        return Setting.named("messages." + code).map(this::text);
    }

    /**
     * What differs from {@code other}, a line per setting, in words a person reads:
     * {@code errors.httpStatus: 200 (inferred: ...) here, 400 (observed on https://gw at ...) there}.
     */
    public List<String> differences(BehaviourProfile other) {
        return Arrays.stream(Setting.values())
                .filter(setting -> !values.get(setting).value().equals(other.values.get(setting).value()))
                .map(setting -> setting.key() + ": " + values.get(setting).text() + " here, "
                        + other.values.get(setting).text() + " there")
                .toList();
    }

    /** The profile in force, one line per setting: {@code errors.httpStatus = 200  (inferred: ...; from default)}. */
    public String describe() {
        return Arrays.stream(Setting.values()).map(setting -> {
            SettingValue value = values.get(setting);
            return setting.key() + " = " + value.text() + "  [" + value.source().describe() + "; from "
                    + value.origin() + "]";
        }).collect(Collectors.joining("\n", "profile " + String.join(" + ", layers) + "\n", "\n"));
    }

    private String text(Setting setting) {
        return values.get(setting).value().asText();
    }

    private int number(Setting setting) {
        return values.get(setting).value().asInt();
    }

    private List<String> list(Setting setting) {
        List<String> items = new ArrayList<>();
        JsonNode array = values.get(setting).value();
        array.forEach(item -> items.add(item.asText()));
        return List.copyOf(items);
    }

    /** The default profile, read once; it must set every setting. */
    private static final class Defaults {
        static final BehaviourProfile PROFILE = load();

        private static BehaviourProfile load() {
            ProfileLayer layer = builtIn(DEFAULT);
            List<String> missing = Arrays.stream(Setting.values())
                    .filter(setting -> !layer.settings().containsKey(setting)).map(Setting::key).toList();
            if (!missing.isEmpty()) {
                throw new ProfileException(DEFAULT + ": the default profile must set every setting; it lacks "
                        + String.join(", ", missing));
            }
            return new BehaviourProfile(layer.settings(), List.of(DEFAULT));
        }
    }
}
