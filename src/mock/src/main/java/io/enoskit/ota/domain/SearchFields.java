package io.enoskit.ota.domain;

import io.enoskit.ota.contract.EnosRelease;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.model.DeviceFirmware;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.profile.EnosVersion;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields a search's {@code expression} may name, the operators each allows and the EnOS release each came with, as
 * the spec lists them ({@code x-enos-search-fields} and {@code x-enos-search-locales} of each search operation, read
 * through {@link EnosRelease}), and, beside each, how a record's value of it is read: one place per field, so a field
 * the spec declares cannot be left unread. {@code !=} is accepted wherever {@code =} is (inferred: the general
 * expression language has it). Immutable; {@link #in(EnosVersion)} gives an older release's fields.
 *
 * @param <T> the record a search selects
 */
public final class SearchFields<T> {
    /** The key of the default value in the map an accessor returns for an {@link Kind#I18N} field. */
    public static final String DEFAULT = "defaultValue";

    /** Search OTA Job ({@code action=search} on {@code ota-jobs}): its {@code productKey} is the job's firmware's. */
    public static final SearchFields<SearchedJob> JOBS = read("Search OTA Job", Operation.SEARCH_JOBS, Map.of(
            "firmwareId", searched -> searched.job().firmwareId(),
            "productKey", searched -> searched.job().productKey() != null ? searched.job().productKey()
                    : searched.firmware() == null ? null : searched.firmware().productKey(),
            "firmwareVersion", searched -> searched.job().firmwareVersion(),
            "type", searched -> searched.job().type() == null ? null : searched.job().type().getValue(),
            "status", searched -> searched.job().status() == null ? null : searched.job().status().getValue(),
            "name", searched -> i18n(searched.job().name()),
            "firmwareName", searched -> i18n(searched.job().firmwareName())));
    /** Search OTA Task ({@code action=searchTask} on {@code ota-jobs}). */
    public static final SearchFields<TaskInfo> TASKS = read("Search OTA Task", Operation.SEARCH_TASKS, Map.of(
            "jobId", TaskInfo::getJobId,
            "deviceKey", TaskInfo::getDeviceKey,
            "fromVersion", TaskInfo::getFromVersion,
            "toVersion", TaskInfo::getToVersion,
            "status", task -> task.getStatus() == null ? null : task.getStatus().getValue(),
            "desc", TaskInfo::getDesc));
    /** Search Firmware File ({@code action=search} on {@code ota-firmwares}). */
    public static final SearchFields<Firmware> FIRMWARE = read("Search Firmware File", Operation.SEARCH_FIRMWARE,
            Map.of(
                    "productKey", Firmware::productKey,
                    "isVerified", Firmware::isVerified,
                    "name", firmware -> SearchExpression.i18nView(firmware.name(), null)));
    /** Search Device Upgrade ({@code action=searchDeviceUpgrade} on {@code ota-firmwares}). */
    public static final SearchFields<DeviceFirmware> DEVICE_UPGRADE = read("Search Device Upgrade",
            Operation.SEARCH_DEVICE_UPGRADE, Map.of(
                    "productKey", DeviceFirmware::getProductKey,
                    "firmwareVersion", DeviceFirmware::getFirmwareVersion,
                    "isUpgrading", DeviceFirmware::getIsUpgrading));

    /**
     * A job as Search OTA Job reads it: the stored job and its firmware (null when the org no longer has it).
     *
     * @param job      the stored job
     * @param firmware its firmware, or null
     */
    public record SearchedJob(Job job, Firmware firmware) {
    }

    /** The comparison operators of the expression language, as written. */
    public enum Operator {
        EQUALS("="), NOT_EQUALS("!="), IN("in"), LIKE("like");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in an expression. */
        public String symbol() {
            return symbol;
        }

        /** The operator written as {@code symbol}, as the spec lists it. */
        static Operator written(String symbol) {
            return Arrays.stream(values()).filter(operator -> operator.symbol.equals(symbol)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the spec names the operator '" + symbol
                            + "', which the expression language does not have"));
        }
    }

    /** What a field's value is, which decides how it is compared. */
    public enum Kind {
        /** A String (ids, versions, enum values such as a status); compared exactly, case-sensitively. */
        TEXT,
        /** A Boolean; compared with {@code true} or {@code false}, quoted or not, in any case. */
        BOOLEAN,
        /** An internationalized name (StringI18n); searched with {@code like} only. */
        I18N
    }

    /**
     * One searchable field.
     *
     * @param name         as written in an expression and passed to the accessor, e.g. {@code firmwareId}
     * @param kind         what its value is
     * @param operators    the operators it allows (not empty)
     * @param since        the EnOS release it came with
     * @param localesSince for an I18N field, the release its locale suffixes ({@code name.en_US}) came with
     */
    public record Field(String name, Kind kind, Set<Operator> operators, EnosVersion since,
                        EnosVersion localesSince) {
        public Field {
            operators = Set.copyOf(operators);
        }

        /** A field of every release. */
        public Field(String name, Kind kind, Set<Operator> operators) {
            this(name, kind, operators, EnosVersion.values()[0], EnosVersion.values()[0]);
        }

        /** The allowed operators in the order of {@link Operator}, as written: {@code =, !=, in}. */
        public String operatorList() {
            return Arrays.stream(Operator.values()).filter(operators::contains).map(Operator::symbol)
                    .collect(Collectors.joining(", "));
        }
    }

    private final String search;
    private final Map<String, Field> fields;
    private final Map<String, Function<T, Object>> values;
    private final Map<String, String> locales;
    private final EnosVersion release;

    private SearchFields(String search, Map<String, Field> fields, Map<String, Function<T, Object>> values,
                         Map<String, String> locales, EnosVersion release) {
        this.search = search;
        this.fields = fields;
        this.values = values;
        this.locales = Map.copyOf(locales);
        this.release = release;
    }

    /**
     * The spec's fields of a search, each with its accessor.
     *
     * @throws IllegalStateException when the spec declares a field no accessor reads, or an accessor reads a field
     *                               the spec does not declare
     */
    private static <T> SearchFields<T> read(String search, Operation operation,
                                            Map<String, Function<T, Object>> values) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (EnosRelease.SearchField field : EnosRelease.searchFields(operation)) {
            Kind kind = Kind.valueOf(field.kind().toUpperCase(Locale.ROOT));
            Set<Operator> operators = field.operators().stream().map(Operator::written).collect(Collectors.toSet());
            byName.put(field.name(), new Field(field.name(), kind, operators, field.since(), field.localesSince()));
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("the spec lists no x-enos-search-fields for " + search);
        }
        if (!byName.keySet().equals(values.keySet())) {
            throw new IllegalStateException(search + " reads the fields " + new TreeSet<>(values.keySet())
                    + ", the spec declares " + new TreeSet<>(byName.keySet()));
        }
        return new SearchFields<>(search, Collections.unmodifiableMap(byName), Map.copyOf(values),
                EnosRelease.searchLocales(operation), EnosVersion.newest());
    }

    /**
     * A record's field values, as {@link SearchExpression#matches} asks for them by field name.
     *
     * @throws IllegalArgumentException (when asked) for a name this search does not declare
     */
    public Function<String, Object> valuesOf(T record) {
        return name -> {
            Function<T, Object> value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(search + " has no field '" + name + "'");
            }
            return value.apply(record);
        };
    }

    /** An internationalized name as an I18N field's value, or null. */
    private static Map<String, String> i18n(Job.I18nText name) {
        return name == null ? null : SearchExpression.i18nView(name.defaultValue(), name.i18nValue());
    }

    /** The same search as EnOS {@code version} has it: its fields are those that came with that release or before. */
    public SearchFields<T> in(EnosVersion version) {
        return version == release ? this : new SearchFields<>(search, fields, values, locales, version);
    }

    /** The release whose fields these are. */
    public EnosVersion release() {
        return release;
    }

    /** The search API's name as on the vendor's pages, e.g. "Search OTA Job". */
    public String search() {
        return search;
    }

    /** The field of this release with this exact (case-sensitive) name. */
    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(field -> release.has(field.since()));
    }

    /** The field with this exact name that only a release later than this one has. */
    public Optional<Field> later(String name) {
        return Optional.ofNullable(fields.get(name)).filter(field -> !release.has(field.since()));
    }

    /** Whether this release searches an I18N field per locale ({@code name.en_US}), not only as a whole. */
    public boolean hasLocales(Field field) {
        return release.has(field.localesSince());
    }

    /** Every field of this release, in the order of the vendor's page. */
    public List<Field> fields() {
        return fields.values().stream().filter(field -> release.has(field.since())).toList();
    }

    /**
     * The map key an i18n field's suffix selects: {@code defaultValue} for {@code name.defaultValue}, {@code en_US}
     * for {@code name.en_US}; empty for a suffix this search does not know.
     */
    public Optional<String> localeKey(String suffix) {
        return Optional.ofNullable(locales.get(suffix));
    }

    /** The suffixes an i18n field may take, sorted, e.g. {@code defaultValue, en_US, zh_CN}. */
    public List<String> suffixes() {
        return locales.keySet().stream().sorted().toList();
    }

    @Override
    public String toString() {
        return search + " of EnOS " + release + " " + fields().stream().map(Field::name).toList();
    }
}
