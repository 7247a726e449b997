package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.profile.EnosVersion;
import org.junit.jupiter.api.Test;

/** The metadata part of Create Firmware File, checked against FirmwareMetadata with fields named as the part's. */
class JsonPartCheckTest {
    private static final String VALID = """
            {"name": {"defaultValue": "fw"}, "version": "1.2", "signMethod": "md5",
             "sign": "0f343b0931126a20f133d67c2b018a3b", "enableVerification": false,
             "maxAllowedForVerification": "3"}""";
    private final ContractCheck check = new ContractCheck(
            OpenApiContract.load(OpenApiContract.FIRMWARE_CREATE_RESOURCE), false);

    @Test
    void aValidPartComesBackWithItsNumericStringsAsNumbers() {
        JsonNode metadata = check.checkJsonPart("metadata", "FirmwareMetadata", VALID);

        assertThat(metadata.get("maxAllowedForVerification").isIntegralNumber()).isTrue();
        assertThat(metadata.get("maxAllowedForVerification").asInt()).isEqualTo(3);
        assertThat(metadata.get("version").asText()).isEqualTo("1.2");
    }

    @Test
    void eachBreachIsNamedUnderThePart() {
        ContractViolation violation = catchThrowableOfType(ContractViolation.class, () -> check.checkJsonPart(
                "metadata", "FirmwareMetadata", """
                        {"name": {"defaultValue": "fw"}, "version": "1.2", "signMethod": "crc32",
                         "enableVerification": false, "colour": "red"}"""));

        assertThat(violation.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("metadata.signMethod", "metadata.sign", "metadata.colour");
        assertThat(violation.violations()).filteredOn(v -> v.field().equals("metadata.signMethod"))
                .extracting(Violation::rule).singleElement().asString().contains("md5").contains("sha256");
    }

    @Test
    void aPartThatIsNoJsonIsNamedAsThePart() {
        ContractViolation violation = catchThrowableOfType(ContractViolation.class,
                () -> check.checkJsonPart("metadata", "FirmwareMetadata", "name=fw&version=1"));

        assertThat(violation.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("metadata");
            assertThat(v.rule()).startsWith("is not well-formed JSON");
        });
    }

    @Test
    void aReleaseBefore24RefusesTheFieldsOf24() {
        ContractCheck old = new ContractCheck(OpenApiContract.load(OpenApiContract.FIRMWARE_CREATE_RESOURCE,
                EnosVersion.parse("2.3").orElseThrow()), false);

        ContractViolation violation = catchThrowableOfType(ContractViolation.class,
                () -> old.checkJsonPart("metadata", "FirmwareMetadata", VALID));

        assertThat(violation.violations()).extracting(Violation::field)
                .containsExactly("metadata.maxAllowedForVerification");
    }
}
