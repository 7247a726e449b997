package io.enoskit.ota.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a search's {@code expression} may name, and the operators each field allows. Immutable; one
 * constant per search API.
 *
 * <p>Sources (reference notes §3.1 and §3.2, from the vendor's Search pages 2.2.0–2.4.4):
 * <ul>
 *   <li>{@link #JOBS} Search OTA Job: {@code firmwareId}, {@code productKey}, {@code firmwareVersion},
 *       {@code type}, {@code status} with {@code =} and {@code in}; {@code name} and {@code firmwareName} with
 *       {@code like}, also per locale (see {@link #LOCALES});</li>
 *   <li>{@link #TASKS} Search OTA Task: {@code jobId}, {@code deviceKey}, {@code fromVersion}, {@code toVersion},
 *       {@code status}, {@code desc} with {@code =} and {@code in};</li>
 *   <li>{@link #FIRMWARE} Search Firmware File: {@code productKey} with {@code =} and {@code in};
 *       {@code isVerified} with {@code =} (a boolean); {@code name} with {@code like}, also as
 *       per locale as for jobs.</li>
 * </ul>
 * Wherever the pages allow {@code =}, {@code !=} is accepted as well (inferred: the general expression language
 * has it, the pages list only what a search is "for").
 */
public final class SearchFields {
    /** The key of the default value in the map an accessor returns for an {@link Kind#I18N} field. */
    public static final String DEFAULT = "defaultValue";

    /**
     * The suffixes of a name field: {@code .defaultValue} and {@code .default} (both spellings appear in the pages
     * and the official sample code) for the default value; {@code .zh_CN} and {@code .en_US} (documented) and
     * {@code .ja_JP} and {@code .es_ES} (the locales the console added in 2.3.0, sent by the official Python
     * samples) for a locale's own entry.
     */
    private static final Map<String, String> LOCALES = Map.of("defaultValue", DEFAULT, "default", DEFAULT,
            "zh_CN", "zh_CN", "en_US", "en_US", "ja_JP", "ja_JP", "es_ES", "es_ES");

    /** Search OTA Job ({@code action=search} on {@code ota-jobs}). */
    public static final SearchFields JOBS = new SearchFields("Search OTA Job", List.of(
            text("firmwareId"), text("productKey"), text("firmwareVersion"), text("type"), text("status"),
            i18n("name"), i18n("firmwareName")), SearchFields.LOCALES);
    /** Search OTA Task ({@code action=searchTask} on {@code ota-jobs}). */
    public static final SearchFields TASKS = new SearchFields("Search OTA Task", List.of(
            text("jobId"), text("deviceKey"), text("fromVersion"), text("toVersion"), text("status"), text("desc")),
            Map.of());
    /** Search Firmware File ({@code action=search} on {@code ota-firmwares}). */
    public static final SearchFields FIRMWARE = new SearchFields("Search Firmware File", List.of(
            text("productKey"), bool("isVerified"), i18n("name")), SearchFields.LOCALES);

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
     * @param name      as written in an expression and passed to the accessor, e.g. {@code firmwareId}
     * @param kind      what its value is
     * @param operators the operators it allows (not empty)
     */
    public record Field(String name, Kind kind, Set<Operator> operators) {
        public Field {
            operators = Set.copyOf(operators);
        }

        /** The allowed operators in the order of {@link Operator}, as written: {@code =, !=, in}. */
        public String operatorList() {
            return Arrays.stream(Operator.values()).filter(operators::contains).map(Operator::symbol)
                    .collect(Collectors.joining(", "));
        }
    }

    private final String search;
    private final Map<String, Field> fields;
    private final Map<String, String> locales;

    private SearchFields(String search, List<Field> fields, Map<String, String> locales) {
        this.search = search;
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        this.fields = Collections.unmodifiableMap(byName);
        this.locales = Map.copyOf(locales);
    }

    /** The search API's name as on the vendor's pages, e.g. "Search OTA Job". */
    public String search() {
        return search;
    }

    /** The field with this exact (case-sensitive) name. */
    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Every field, in the order of the vendor's page. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
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
        return search + " " + fields.keySet();
    }

    private static Field text(String name) {
        return new Field(name, Kind.TEXT, Set.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN));
    }

    private static Field bool(String name) {
        return new Field(name, Kind.BOOLEAN, Set.of(Operator.EQUALS, Operator.NOT_EQUALS));
    }

    private static Field i18n(String name) {
        return new Field(name, Kind.I18N, Set.of(Operator.LIKE));
    }
}
