package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.model.Pagination;
import io.enoskit.ota.model.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The three searches (Search OTA Job, Search OTA Task, Search Firmware File) as the scenarios send them: one page,
 * or the pages from the first on until what the scenario looks for has been seen, the last page has been read, or
 * {@value #MAX_PAGES} pages of {@value #PAGE_SIZE} have been read (an organization on a real gateway may have many
 * more records than the kit's own). Every page is an exchange of the report; the last is the world's answer.
 */
final class Searches {
    /** Records per page when the scenario does not say. */
    static final int PAGE_SIZE = 50;
    /** The most pages one search reads. */
    static final int MAX_PAGES = 10;
    private final ConformanceWorld world;

    /**
     * The pages a search read.
     *
     * @param answers  every answer, in order; the last one may be an error, which ended the walk
     * @param complete true when the walk read the last page (not only up to what it looked for, or the page cap)
     */
    record Walk(List<JsonNode> answers, boolean complete) {
        /** The records of every page, in order. */
        List<JsonNode> records() {
            List<JsonNode> records = new ArrayList<>();
            answers.forEach(answer -> answer.path("data").forEach(records::add));
            return records;
        }

        /** Asserts that every page is a success whose data is an array (the answer said otherwise). */
        void assertPages(String what) {
            for (JsonNode answer : answers) {
                assertThat(answer.path("code").asInt(-1)).as("code of %s: %s", what, answer).isEqualTo(0);
                assertThat(answer.path("data").isArray()).as("data of %s is an array: %s", what, answer).isTrue();
            }
        }
    }

    Searches(ConformanceWorld world) {
        this.world = world;
    }

    /** An expression's text literal: single quotes, a quote inside written twice (the EnOS expression language). */
    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** One page of a search in the organization; the answer is also the world's last answer. */
    JsonNode page(Operation search, String orgId, String expression, int pageNo, int pageSize) {
        SearchRequest body = new SearchRequest().expression(expression)
                .pagination(new Pagination().pageNo(pageNo).pageSize(pageSize));
        world.answer(world.request()
                .queryParam("action", search.action())
                .queryParam("orgId", orgId)
                .body(Json.write(body))
                .post(search.path()));
        return world.body();
    }

    /**
     * The pages of a search from the first until {@code found} holds for the records read so far, an answer is not
     * a page of records, the last page has been read, or {@value #MAX_PAGES} pages.
     */
    Walk walk(Operation search, String orgId, String expression, Predicate<List<JsonNode>> found) {
        List<JsonNode> answers = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        for (int pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
            JsonNode answer = page(search, orgId, expression, pageNo, PAGE_SIZE);
            answers.add(answer);
            if (answer.path("code").asInt(-1) != 0 || !answer.path("data").isArray()) {
                return new Walk(answers, false);
            }
            answer.path("data").forEach(records::add);
            JsonNode total = answer.path("pagination").path("totalSize");
            boolean last = answer.path("data").size() < PAGE_SIZE
                    || (total.isNumber() && (long) pageNo * PAGE_SIZE >= total.asLong());
            if (last) {
                return new Walk(answers, true);
            }
            if (found.test(records)) {
                return new Walk(answers, false);
            }
        }
        world.observe("the search read " + MAX_PAGES + " pages of " + PAGE_SIZE + " and stopped there ("
                + search.action() + " " + (expression == null ? "without expression" : expression) + ")");
        return new Walk(answers, false);
    }

    /**
     * Asserts that a search answer carries {@code pagination} beside {@code data}, with the {@code totalSize} of all
     * that match and no more records than the page size asked for; a {@code pageNo} or {@code pageSize} that does
     * not echo the request is an observation (the pages show them, they do not say they echo).
     */
    void assertPaginationBesideData(JsonNode answer, int pageNo, int pageSize) {
        JsonNode pagination = answer.path("pagination");
        assertThat(pagination.isObject()).as("pagination beside data in %s", answer).isTrue();
        JsonNode total = pagination.path("totalSize");
        assertThat(total.isIntegralNumber()).as("pagination.totalSize of %s, a number", answer).isTrue();
        assertThat(answer.path("data").size()).as("records on a page of %s (pageSize %s)", answer, pageSize)
                .isLessThanOrEqualTo(pageSize);
        assertThat(total.asLong()).as("pagination.totalSize against the records answered on page %s", pageNo)
                .isGreaterThanOrEqualTo((long) (pageNo - 1) * pageSize + answer.path("data").size());
        for (String field : List.of("pageNo", "pageSize")) {
            int asked = field.equals("pageNo") ? pageNo : pageSize;
            JsonNode echoed = pagination.path(field);
            if (echoed.asInt(-1) != asked) {
                world.observe("pagination." + field + " is " + (echoed.isMissingNode() ? "absent" : echoed)
                        + " where the request asked for " + asked);
            }
        }
    }

    /** The text values of a field of the records, in order. */
    static List<String> values(List<JsonNode> records, String field) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(record.path(field).asText(null)));
        return values;
    }
}
