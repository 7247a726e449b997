package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.http.Request;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.HttpRequest;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.ValidRequest;

/**
 * One request to an operation as its {@link OperationHandler} sees it.
 *
 * @param received   the request as received (Create Firmware File reads the bytes of its multipart body)
 * @param documented the request as the spec documents it (a Get OTA Job sent as POST is the page's GET)
 * @param contract   the spec check of the operation's document ({@link Operation#document})
 */
record OperationCall(Request received, HttpRequest documented, ContractCheck contract) {
    /**
     * The spec check of the documented request.
     *
     * @throws ContractViolation 99400 naming the field and the rule
     */
    ValidRequest check() {
        return contract.check(documented);
    }
}
