import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.*;

/**
 * One validator version's cost per request check (run by {@code bench/validator-compare/run.sh}, not a test):
 * builds an {@code OpenApiInteractionValidator} on the spec, checks the vendor page's create request, prints the
 * messages for one invalid body, then after a 10 s warm-up prints the microseconds per check in three rounds.
 * Arguments: spec file, request body file, seconds per round. Compiles against 2.46.1 and 3.0.0 alike.
 */
public class ValBench {
    public static void main(String[] a) throws Exception {
        String spec = Path.of(a[0]).toUri().toString();
        String body = Files.readString(Path.of(a[1]));
        int seconds = Integer.parseInt(a[2]);
        long t0 = System.nanoTime();
        OpenApiInteractionValidator v = OpenApiInteractionValidator.createForSpecificationUrl(spec).build();
        SimpleRequest ok = SimpleRequest.Builder.post("/connect-service/v2.1/ota-jobs")
            .withQueryParam("action", "create").withQueryParam("orgId", "o").withQueryParam("firmwareId", "f")
            .withHeader("Content-Type", "application/json").withHeader("apim-accesstoken", "t").withBody(body).build();
        ValidationReport first = v.validateRequest(ok);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        SimpleRequest bad = SimpleRequest.Builder.post("/connect-service/v2.1/ota-jobs")
            .withQueryParam("action", "create").withQueryParam("orgId", "o").withQueryParam("firmwareId", "f")
            .withHeader("Content-Type", "application/json").withHeader("apim-accesstoken", "t")
            .withBody(body.replace("\"type\":\"upgrade\",", "\"type\":\"upgrade\",\"upgradeTimeout\":999999,")).build();
        System.out.println("valid request errors: " + first.getMessages().size() + "; build+first validation ms " + firstMs);
        v.validateRequest(bad).getMessages().forEach(m -> System.out.println("  bad: " + m.getKey() + " | " + m.getMessage() + " | pointer " + m.getContext().flatMap(c -> c.getPointers()).map(p -> p.getInstance()).orElse("-")));
        long end = System.nanoTime() + 10_000_000_000L; // warm-up 10 s
        while (System.nanoTime() < end) { v.validateRequest(ok); }
        for (int r = 0; r < 3; r++) {
            long n = 0; long s = System.nanoTime(); end = s + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) { v.validateRequest(ok); n++; }
            double us = (System.nanoTime() - s) / 1000.0 / n;
            System.out.printf("RESULT %.1f us per valid create request%n", us);
        }
    }
}
