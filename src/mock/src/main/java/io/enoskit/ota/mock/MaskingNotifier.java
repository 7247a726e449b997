package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock's notifier with credentials masked: its verbose log prints every request's headers as received, access
 * tokens and signatures included ({@link GatewayFilter#CREDENTIAL_HEADERS}), and the token service's answers, which
 * carry the token issued.
 */
final class MaskingNotifier implements Notifier {
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?im)^(apim-accesstoken|apim-signature|authorization): (.*)$");
    private static final Pattern ISSUED = Pattern.compile("(\"accessToken\"\\s*:\\s*\")([^\"]*)(\")");
    private final Notifier delegate;

    MaskingNotifier(Notifier delegate) {
        this.delegate = delegate;
    }

    @Override
    public void info(String message) {
        delegate.info(mask(message));
    }

    @Override
    public void error(String message) {
        delegate.error(mask(message));
    }

    @Override
    public void error(String message, Throwable t) {
        delegate.error(mask(message), t);
    }

    static String mask(String message) {
        if (message == null) {
            return null;
        }
        Matcher credential = CREDENTIAL.matcher(message);
        StringBuilder masked = new StringBuilder();
        while (credential.find()) {
            credential.appendReplacement(masked, Matcher.quoteReplacement(credential.group(1) + ": "
                    + GatewayFilter.mask(credential.group(2).strip())));
        }
        credential.appendTail(masked);
        Matcher issued = ISSUED.matcher(masked.toString());
        StringBuilder result = new StringBuilder();
        while (issued.find()) {
            issued.appendReplacement(result, Matcher.quoteReplacement(issued.group(1)
                    + GatewayFilter.mask(issued.group(2)) + issued.group(3)));
        }
        issued.appendTail(result);
        return result.toString();
    }
}
