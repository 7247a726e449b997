package io.enoskit.ota.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the kit picks the branch of a discriminated {@code oneOf} (Create OTA Job's body: {@code type}
 * {@code upgrade} or {@code verify}): the body's discriminator value, looked up in the schema's mapping. The spec
 * check, the body walk and the wording of unknown fields all go through it, so they cannot disagree on a branch.
 */
final class OneOfBranches {
    private OneOfBranches() {
    }

    /** The discriminator of a {@code oneOf} schema whose mapping names its branches; empty for any other schema. */
    static Optional<Discriminator> of(Schema<?> schema) {
        if (schema == null || schema.getOneOf() == null || schema.getDiscriminator() == null
                || schema.getDiscriminator().getMapping() == null) {
            return Optional.empty();
        }
        return Optional.of(schema.getDiscriminator());
    }

    /**
     * The reference of the branch a body takes ({@code #/components/schemas/VerificationJobRequest}); empty when the
     * body is no object, or its discriminator value is missing, not a string or not mapped.
     */
    static Optional<String> chosen(Discriminator discriminator, JsonNode body) {
        JsonNode value = body != null && body.isObject() ? body.get(discriminator.getPropertyName()) : null;
        return value != null && value.isTextual()
                ? Optional.ofNullable(discriminator.getMapping().get(value.textValue())) : Optional.empty();
    }

    /** The discriminator value that picks the branch at {@code ref}; empty when none maps to it. */
    static Optional<String> valueOf(Discriminator discriminator, String ref) {
        return discriminator.getMapping().entrySet().stream().filter(entry -> entry.getValue().equals(ref))
                .map(Map.Entry::getKey).findFirst();
    }
}
