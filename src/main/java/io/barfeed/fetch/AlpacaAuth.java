package io.barfeed.fetch;

import java.net.URI;

import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Alpaca's key headers, added by the HTTP client itself to requests for {@code barfeed.alpaca.base-url}. The keys
 * are read from the environment ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}) at request time, so they
 * never sit in an exchange, a route, a route dump, a log line or application.yaml.
 */
@Component("alpacaAuth")
public class AlpacaAuth {

    static final String KEY_ID = "APCA_API_KEY_ID";
    static final String SECRET_KEY = "APCA_API_SECRET_KEY";

    private final Environment environment;

    public AlpacaAuth(Environment environment) {
        this.environment = environment;
    }

    /** The request step that adds the keys. */
    HttpRequestInterceptor interceptor() {
        return (request, entity, context) -> {
            String keyId = environment.getProperty(KEY_ID, "");
            if (!keyId.isBlank()
                    && request.getAuthority() != null
                    && request.getAuthority().toString().equalsIgnoreCase(apiAuthority())) {
                request.setHeader("APCA-API-KEY-ID", keyId);
                request.setHeader("APCA-API-SECRET-KEY", environment.getProperty(SECRET_KEY, ""));
            }
        };
    }

    private String apiAuthority() {
        URI base = URI.create(environment.getProperty("barfeed.alpaca.base-url", ""));
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        return base.getHost() + ":" + port;
    }

    @Override
    public String toString() {
        return "alpacaAuth"; // never the keys
    }
}
