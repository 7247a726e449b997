package io.enoskit.ota.conformance;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * The outermost filter of every call: a call that gets no answer (refused, dropped or timed-out connection) becomes
 * {@link TargetSilent}, which skips the scenario as "could not judge" instead of failing a rule.
 */
final class TransportGuard implements Filter {
    private final ConformanceRun run;
    private final ConformanceWorld world;

    /** For calls of the run itself (preflight, tokens, clean-up). */
    TransportGuard(ConformanceRun run) {
        this(run, null);
    }

    /** For a scenario's calls: the reason is also logged in the scenario. */
    TransportGuard(ConformanceRun run, ConformanceWorld world) {
        this.run = run;
        this.world = world;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        try {
            return context.next(request, response);
        } catch (Exception failure) { // rest-assured rethrows checked I/O exceptions without declaring them
            IOException io = ioCause(failure);
            if (io == null) {
                throw failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
            }
            String reason = describe(io) + " (" + request.getMethod() + " " + request.getURI() + ")";
            run.couldNotJudge(describe(io));
            throw world != null ? world.silent(reason) : new TargetSilent(reason);
        }
    }

    /** What went wrong, in words a user acts on. */
    String describe(IOException failure) {
        String target = run.baseUrl();
        if (failure instanceof SocketTimeoutException) {
            return "the target " + target + " did not answer within " + run.target().timeout().toSeconds()
                    + " s (--timeout)";
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return "the target " + target + " cannot be reached: " + failure.getMessage();
        }
        return "the target " + target + " dropped the connection: " + failure;
    }

    /** The I/O failure behind a call's exception (rest-assured rethrows them unchecked), or null. */
    static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
